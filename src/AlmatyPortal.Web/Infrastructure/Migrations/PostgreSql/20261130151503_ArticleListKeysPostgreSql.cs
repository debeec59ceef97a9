using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ArticleListKeysPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Language_Status_PublishAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Language_Status_PublishAt_Id",
                table: "Articles",
                columns: new[] { "Language", "Status", "PublishAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Language_Status_PublishAt_Id",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Language_Status_PublishAt",
                table: "Articles",
                columns: new[] { "Language", "Status", "PublishAt" });
        }
    }
}
