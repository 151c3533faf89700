using Tansiq.Core.Model;

namespace Tansiq.IO.Readers;

/// <summary>
/// A generic object table, CooRTweet's layout: one row per (account, object, post, time), where the object is of a
/// kind the user names (<c>--object-kind</c>: an image hash, a domain, a phone number...). Columns by name:
/// <c>object_id</c>, <c>account_id</c>, <c>content_id</c>, <c>timestamp_share</c> (or <c>timestamp</c>), and an
/// optional <c>username</c>. Each row becomes a message carrying one object (<see cref="Message.SharedObject"/>),
/// the object of the co-object signal. A table that mixes kinds names each row's kind in a column (<c>object_kind</c>,
/// <c>kind</c> or <c>object_type</c>): each kind then is a co-object signal of its own, <c>co-object:KIND</c>, swept
/// and weighed like the others (a row with an empty kind takes <c>--object-kind</c>'s).
/// </summary>
internal static class ObjectTableReader
{
    public const string Expected = "object_id, account_id, content_id and timestamp_share (or timestamp)";

    /// <summary>True when header names (lower-cased) are an object table's.</summary>
    public static bool Matches(IReadOnlyCollection<string> names) =>
        names.Contains("object_id") && names.Contains("account_id") && names.Contains("content_id")
        && (names.Contains("timestamp_share") || names.Contains("timestamp"));

    public static IEnumerable<Message> Read(string path, ReadOptions options)
    {
        using var csv = CsvRecords.Open(path);
        var header = CsvHeader.Read(csv, "object-table", Expected, options.ColumnMap);
        var missing = new List<string>();
        int Need(string name, string? alias = null)
        {
            var index = alias is null ? header.Find(name) : header.Find(name, alias);
            if (index < 0)
            {
                missing.Add(alias is null ? name : $"{name} (or {alias})");
            }
            return index;
        }
        var (objectCol, accountCol, contentCol, timeCol) = (Need("object_id"), Need("account_id"), Need("content_id"), Need("timestamp_share", "timestamp"));
        if (missing.Count > 0)
        {
            throw header.Missing(csv, missing);
        }
        var usernameCol = header.Find("username", "account_name");
        var kindCol = header.Find("object_kind", "kind");
        if (kindCol < 0)
        {
            kindCol = header.Find("object_type");
        }
        var kind = options.ObjectKind;
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.MoveNext())
        {
            string? reason = csv.Problem;
            if (reason is null && csv.ColCount != header.Count)
            {
                reason = $"expected {header.Count} columns (as in the header), found {csv.ColCount}";
            }
            var objectId = reason is null ? csv.Field(objectCol).Trim() : default;
            var account = reason is null ? csv.Field(accountCol).Trim() : default;
            var content = reason is null ? csv.Field(contentCol).Trim() : default;
            double timestamp = 0;
            if (reason is null)
            {
                if (objectId.IsEmpty)
                {
                    // No object of this kind in the post: CooRTweet's wide tables (url_id, hashtag_id, phash_id... side by
                    // side) leave the other kinds' cells empty, so such a row is simply not an action on an object.
                    continue;
                }
                reason = account.IsEmpty ? "empty account_id" : content.IsEmpty ? "empty content_id"
                    : !Timestamps.TryParse(csv.Field(timeCol), out timestamp, out var timeError) ? $"timestamp: {timeError}" : null;
            }
            string? rowKind = null;
            if (reason is null && kindCol >= 0)
            {
                var cell = csv.Field(kindCol).Trim();
                var name = cell.IsEmpty ? kind : new string(cell);
                if (!kinds.TryGetValue(name, out rowKind))
                {
                    if (name.Length > 0 && name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                    {
                        kinds[name] = rowKind = name;
                    }
                    else
                    {
                        reason = $"object kind '{(name.Length > 64 ? name[..64] + "…" : name)}': a kind is a name of letters, digits, '_' and '-' (e.g. image_hash, domain)";
                    }
                }
            }
            if (reason is not null)
            {
                options.Reject(path, csv.Line, reason);
                continue;
            }
            var contentId = new string(content);
            var objectKey = new string(objectId);
            yield return new Message
            {
                // A post with several objects has one row per object: each row is its own message, so none is dropped
                // as a repeated id.
                MessageId = contentId + "\u001F" + objectKey,
                AccountId = new string(account),
                Username = usernameCol < 0 ? null : CntCsvReader.NullIfEmpty(csv.Field(usernameCol).Trim()),
                Timestamp = timestamp,
                SharedObject = (rowKind ?? kind) + ":" + objectKey,
                SharedObjectKind = options.ObjectKindSignals ? rowKind : null,
            };
        }
    }
}
