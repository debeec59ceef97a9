using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SearchProcesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProcessId",
                table: "SearchDocuments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_ProcessId",
                table: "SearchDocuments",
                column: "ProcessId",
                unique: true);

            // No foreign key constraint here: SQLite could only add one by rebuilding SearchDocuments, which would drop the
            // triggers that keep the FTS5 index in step, outside a transaction. A process's search document is removed
            // with it by the search indexing on every save, as the model's cascade says.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_ProcessId",
                table: "SearchDocuments");

            migrationBuilder.DropColumn(
                name: "ProcessId",
                table: "SearchDocuments");
        }
    }
}
