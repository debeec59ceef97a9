using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TagTranslationsPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TranslationGroup",
                table: "Tags",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tags_TranslationGroup",
                table: "Tags",
                column: "TranslationGroup");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tags_TranslationGroup",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "TranslationGroup",
                table: "Tags");
        }
    }
}
