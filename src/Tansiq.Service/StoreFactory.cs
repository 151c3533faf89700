using Tansiq.Storage;
using Tansiq.Storage.Postgres;
using Tansiq.Storage.Sqlite;

namespace Tansiq.Service;

/// <summary>Opens the store the options name: PostgreSQL when a connection string is given, SQLite in the data directory otherwise.</summary>
public static class StoreFactory
{
    public static SqlStore Open(string? data, string? db, bool fullSync = false)
    {
        if (!string.IsNullOrWhiteSpace(db))
        {
            return new PostgresStore(db);
        }
        if (string.IsNullOrWhiteSpace(data))
        {
            throw new StoreException("no database: give --data DIR (embedded SQLite) or --db CONNECTION (PostgreSQL)");
        }
        return new SqliteStore(data, fullSync);
    }
}
