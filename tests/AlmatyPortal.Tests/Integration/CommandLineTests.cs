using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Integration;

/// <summary>The import and export verbs, run through the real entry point as `dotnet run -- import` runs them.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "almaty-cli", Guid.NewGuid().ToString("N"));
    private readonly ContentFolder _export = new(copySeed: false);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _export.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; best effort.
        }
    }

    private Task<int> RunAsync(params string[] args)
    {
        var entry = typeof(Program).Assembly.EntryPoint!;
        // The compiler's synchronous Main wraps the async top-level statements and returns the exit code.
        return Task.Run(() => (int)entry.Invoke(null, [args.Append($"--Portal:DataPath={_data}").ToArray()])!);
    }

    private int ArticleVersionSum()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "portal.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) * 1000 + COALESCE(SUM(Version), 0) FROM Articles";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Import_migrates_an_empty_database_imports_the_folder_and_a_second_run_changes_nothing()
    {
        Assert.Equal(0, await RunAsync("import", PortalFactory.RepositoryContent));
        Assert.Equal(2000, ArticleVersionSum());
        Assert.Equal(0, await RunAsync("import", PortalFactory.RepositoryContent));
        Assert.Equal(2000, ArticleVersionSum());
    }

    [Fact]
    public async Task Migrate_prepares_an_empty_PostgreSQL_database_with_its_own_migrations_and_exits()
    {
        var connection = PostgreSqlServer.CreateDatabase();
        try
        {
            var exit = await RunAsync("migrate", "--Portal:Database=PostgreSQL", $"--ConnectionStrings:Portal={connection}", "--Portal:ImportOnStartup=false");

            Assert.Equal(0, exit);
            await using var db = new Npgsql.NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var migrations = new Npgsql.NpgsqlCommand("""SELECT string_agg("MigrationId", ',' ORDER BY "MigrationId") FROM "__EFMigrationsHistory" """, db);
            await using var model = new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql(connection).Options);
            // Exactly the PostgreSQL set, none of SQLite's.
            Assert.Equal(string.Join(',', model.Database.GetMigrations().Order(StringComparer.Ordinal)), (string)(await migrations.ExecuteScalarAsync())!);
            Assert.Contains("_InitialPostgreSql", (string)(await migrations.ExecuteScalarAsync())!, StringComparison.Ordinal);
            await using var vector = new Npgsql.NpgsqlCommand(
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'SearchDocuments' AND column_name = 'Vector'", db);
            Assert.Equal("tsvector", await vector.ExecuteScalarAsync());
            await using var articles = new Npgsql.NpgsqlCommand("""SELECT COUNT(*) FROM "Articles" """, db);
            Assert.Equal(0L, await articles.ExecuteScalarAsync());
        }
        finally
        {
            PostgreSqlServer.DropDatabase(connection);
        }
    }

    [Fact]
    public async Task Export_writes_the_content_folder_format()
    {
        await RunAsync("import", PortalFactory.RepositoryContent);

        Assert.Equal(0, await RunAsync("export", _export.Path));

        Assert.Equal(
            File.ReadAllText(Path.Combine(PortalFactory.RepositoryContent, "sections.yml")),
            _export.Read("sections.yml"));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_export.Path, "news"), "*.md").Length);
    }

    [Fact]
    public async Task Import_of_a_folder_with_a_broken_file_exits_1()
    {
        using var content = new ContentFolder();
        content.WriteArticle("broken.md", "section: news");

        Assert.Equal(1, await RunAsync("import", content.Path));
        Assert.Equal(2000, ArticleVersionSum());
    }

    [Fact]
    public void Users_add_takes_its_options_and_leaves_the_rest_for_the_host()
    {
        var (command, hostArgs) = PortalCommands.Parse(["users", "add", "--email", "a@example.org", "--role", "Admin", "--Portal:DataPath=x"]);

        Assert.Equal("users add", command?.Verb);
        Assert.Equal("a@example.org", command?.Options["email"]);
        Assert.Equal("Admin", command?.Options["role"]);
        Assert.Equal(["--Portal:DataPath=x"], hostArgs);
    }

    [Theory]
    [InlineData(new[] { "import" }, "import", null, new string[0])]
    [InlineData(new[] { "import", "some/path", "--urls", "x" }, "import", "some/path", new[] { "--urls", "x" })]
    [InlineData(new[] { "export", "--Portal:DataPath=x" }, "export", null, new[] { "--Portal:DataPath=x" })]
    [InlineData(new[] { "--urls", "x" }, null, null, new[] { "--urls", "x" })]
    public void The_verb_and_its_path_are_split_from_the_host_arguments(string[] args, string? verb, string? path, string[] rest)
    {
        var (command, hostArgs) = PortalCommands.Parse(args);

        Assert.Equal((verb, path), (command?.Verb, command?.Path));
        Assert.Equal(rest, hostArgs);
    }
}
