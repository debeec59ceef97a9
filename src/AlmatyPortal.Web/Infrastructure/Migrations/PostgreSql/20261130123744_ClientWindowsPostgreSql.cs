using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ClientWindowsPostgreSql : Migration
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
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Client = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
                    Client = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
