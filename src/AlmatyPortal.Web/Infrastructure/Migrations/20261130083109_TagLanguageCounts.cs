using AlmatyPortal.Web.Features.News;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TagLanguageCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TagLanguages",
                columns: table => new
                {
                    TagId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagLanguages", x => new { x.TagId, x.Language });
                    table.ForeignKey(
                        name: "FK_TagLanguages_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TagLanguages_Language_Count",
                table: "TagLanguages",
                columns: new[] { "Language", "Count" });

            migrationBuilder.Sql(TagLanguageSql.Fill);
            migrationBuilder.Sql(TagLanguageSql.CreateSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TagLanguageSql.DropSqlite);

            migrationBuilder.DropTable(
                name: "TagLanguages");
        }
    }
}
