using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RelatedStoriesIndexesPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleTags_TagsId",
                table: "ArticleTags");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_TagsId_ArticlesId",
                table: "ArticleTags",
                columns: new[] { "TagsId", "ArticlesId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Id_PublishAt",
                table: "Articles",
                columns: new[] { "Id", "PublishAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleTags_TagsId_ArticlesId",
                table: "ArticleTags");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Id_PublishAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_TagsId",
                table: "ArticleTags",
                column: "TagsId");
        }
    }
}
