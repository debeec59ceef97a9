using System.Text;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Support;

/// <summary>Every row of every portal table as text, to show that an operation changed nothing at all.</summary>
public static class DatabaseSnapshot
{
    public static async Task<string> TakeAsync(PortalDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = db.Database.IsSqlite()
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\"";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            var snapshot = new StringBuilder();
            foreach (var table in tables)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    snapshot.Append(table).Append(':');
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        snapshot.Append(reader.GetName(i)).Append('=').Append(reader.GetValue(i)).Append('|');
                    }
                    snapshot.AppendLine();
                }
            }
            return snapshot.ToString();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
