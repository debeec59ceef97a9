using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TagTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TranslationGroup",
                table: "Tags",
                type: "TEXT",
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
