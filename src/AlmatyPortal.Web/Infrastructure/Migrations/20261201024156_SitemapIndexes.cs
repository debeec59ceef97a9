using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SitemapIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_UpdatedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_TranslationGroup",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_UpdatedAt_Language",
                table: "Articles",
                columns: new[] { "Status", "UpdatedAt", "Language" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TranslationGroup_Status_Language_Slug",
                table: "Articles",
                columns: new[] { "TranslationGroup", "Status", "Language", "Slug" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_UpdatedAt_Language",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_TranslationGroup_Status_Language_Slug",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_UpdatedAt",
                table: "Articles",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TranslationGroup",
                table: "Articles",
                column: "TranslationGroup");
        }
    }
}
