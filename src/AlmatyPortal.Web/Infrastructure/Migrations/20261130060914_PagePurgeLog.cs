using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PagePurgeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PagePurges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PagePurges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PagePurges_AtUtc",
                table: "PagePurges",
                column: "AtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PagePurges");
        }
    }
}
