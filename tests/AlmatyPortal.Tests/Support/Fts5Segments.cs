using AlmatyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Support;

/// <summary>
/// How many segments (b-trees) SQLite's FTS5 index "SearchEntries" holds, read from its structure record (row 10 of
/// SearchEntries_data): a 4-byte cookie, an optional 4-byte version marker (FF 00 00 01), then varints for the number of
/// levels and of segments.
/// </summary>
public static class Fts5Segments
{
    public static async Task<int> CountAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "block" FROM "SearchEntries_data" WHERE "id" = 10""";
        var block = (byte[])(await command.ExecuteScalarAsync())!;
        var at = block.AsSpan(4, 4).SequenceEqual(new byte[] { 0xFF, 0x00, 0x00, 0x01 }) ? 8 : 4;
        _ = Varint(block, ref at);
        return (int)Varint(block, ref at);
    }

    private static long Varint(byte[] bytes, ref int at)
    {
        long value = 0;
        for (var i = 0; i < 9; i++)
        {
            var b = bytes[at++];
            if (i == 8)
            {
                return (value << 8) | b;
            }
            value = (value << 7) | (long)(b & 0x7F);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        return value;
    }
}
