using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ClientWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInWindows");

            migrationBuilder.CreateTable(
                name: "ClientWindows",
                columns: table => new
                {
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Client = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientWindows", x => new { x.Purpose, x.Client, x.WindowStart });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientWindows_WindowStart",
                table: "ClientWindows",
                column: "WindowStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientWindows");

            migrationBuilder.CreateTable(
                name: "SignInWindows",
                columns: table => new
                {
                    Client = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInWindows", x => new { x.Client, x.WindowStart });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInWindows_WindowStart",
                table: "SignInWindows",
                column: "WindowStart");
        }
    }
}
