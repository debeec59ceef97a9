using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlmatyPortal.Web.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ProcessesPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProcessArticles",
                columns: table => new
                {
                    ProcessGroup = table.Column<Guid>(type: "uuid", nullable: false),
                    ArticleGroup = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessArticles", x => new { x.ProcessGroup, x.ArticleGroup });
                });

            migrationBuilder.CreateTable(
                name: "ProcessConferences",
                columns: table => new
                {
                    ProcessGroup = table.Column<Guid>(type: "uuid", nullable: false),
                    ConferenceGroup = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessConferences", x => new { x.ProcessGroup, x.ConferenceGroup });
                });

            migrationBuilder.CreateTable(
                name: "Processes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    TranslationGroup = table.Column<Guid>(type: "uuid", nullable: false),
                    TranslatedFromVersion = table.Column<int>(type: "integer", nullable: true),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "text", nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Processes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessArticles_ArticleGroup",
                table: "ProcessArticles",
                column: "ArticleGroup");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessConferences_ConferenceGroup",
                table: "ProcessConferences",
                column: "ConferenceGroup");

            migrationBuilder.CreateIndex(
                name: "IX_Processes_Language_Slug",
                table: "Processes",
                columns: new[] { "Language", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Processes_Language_Status_Name",
                table: "Processes",
                columns: new[] { "Language", "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Processes_TranslationGroup",
                table: "Processes",
                column: "TranslationGroup");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcessArticles");

            migrationBuilder.DropTable(
                name: "ProcessConferences");

            migrationBuilder.DropTable(
                name: "Processes");
        }
    }
}
