using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SearchProcessesPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProcessId",
                table: "SearchDocuments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_ProcessId",
                table: "SearchDocuments",
                column: "ProcessId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_SearchDocuments_Processes_ProcessId",
                table: "SearchDocuments",
                column: "ProcessId",
                principalTable: "Processes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SearchDocuments_Processes_ProcessId",
                table: "SearchDocuments");

            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_ProcessId",
                table: "SearchDocuments");

            migrationBuilder.DropColumn(
                name: "ProcessId",
                table: "SearchDocuments");
        }
    }
}
