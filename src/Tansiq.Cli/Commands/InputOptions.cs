using System.CommandLine;
using Tansiq.Application;
using Tansiq.Core.CoAction;
using Tansiq.Core.Model;
using Tansiq.IO;
using Tansiq.IO.Readers;

namespace Tansiq.Cli.Commands;

/// <summary>The options every command that reads posts shares: input files, their format, and what to do with bad rows.</summary>
internal sealed class InputOptions
{
    public Argument<string[]> Inputs { get; } = new("input")
    {
        Description = "One or more message files (CSV, JSON lines; .gz is read transparently).",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Input format: auto (from the file), cnt-csv (coordination-network-toolkit CSV), tansiq-csv, twitter-v2 (JSON lines), twitter-io-csv (information-operations archive), twitter-v1 (API v1.1 JSON lines), telegram (Telegram Desktop result.json), bluesky-jetstream (JSON lines), object-table (CooRTweet's layout).",
        DefaultValueFactory = _ => "auto",
    };

    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows")
    {
        Description = "Skip malformed rows instead of stopping; how many and which (first 20) go to summary.json.",
    };

    public Option<string?> Columns { get; } = new("--columns")
    {
        Description = "Rename CSV columns before reading, SOURCE=TARGET,... (e.g. tweetid=message_id,userid=account_id,created=timestamp).",
    };

    public Option<string?> Pseudonymise { get; } = new("--pseudonymise")
    {
        Description = "Replace every account id and username in every output by a keyed pseudonym (HMAC-SHA256 under the key in this file; the same key gives the same pseudonyms across runs and commands; the key is never written).",
    };

    public Option<bool> Excel { get; } = new("--excel")
    {
        Description = "Start the CSV outputs with a UTF-8 byte-order mark, so that Excel shows Arabic and other non-Latin text right.",
    };

    public Option<string> ObjectKind { get; } = new("--object-kind")
    {
        Description = "For an object table: what its objects are (image_hash, domain, phone...), shown as the prefix of every object key.",
        DefaultValueFactory = _ => "object",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(ObjectKind);
        command.Options.Add(Pseudonymise);
        command.Options.Add(Excel);
        command.Arguments.Add(Inputs);
        command.Options.Add(Format);
        command.Options.Add(SkipBadRows);
        command.Options.Add(Columns);
        Format.AcceptOnlyFromAmong([.. InputFormats.Names]);
    }

    /// <summary>Streams every input into a corpus for the given signals, reporting progress on a terminal.</summary>
    public Corpus ReadCorpus(ParseResult parse, IEnumerable<SignalKind> signals, CliContext context, ReadOptions readOptions, Action<Message>? observe = null, Tansiq.Core.Text.NearDuplicateOptions? similarity = null, bool skipDegenerateObjects = true)
    {
        InputFormats.TryParse(parse.GetValue(Format), out var format);
        var builder = DetectionPipeline.NewCorpus(signals, similarity, skipDegenerateObjects);
        var inputs = new DetectionInputs { Paths = parse.GetValue(Inputs)!, Format = format, Read = readOptions };
        DetectionPipeline.ReadInto(builder, inputs, new CliObserver(context, "read"), observe);
        return builder.Build();
    }

    /// <summary>'all' also means the signals only some formats give, when an input is in such a format (co-forward for
    /// Telegram exports, co-object for object tables); other inputs keep exactly the six.</summary>
    public IReadOnlyList<SignalKind> WithFormatSignals(ParseResult parse, IReadOnlyList<SignalKind> signals, string? requested)
    {
        if (!(string.IsNullOrWhiteSpace(requested) || requested.Trim() == "all"))
        {
            return signals;
        }
        InputFormats.TryParse(parse.GetValue(Format), out var format);
        var map = ColumnMap(parse);
        var formats = parse.GetValue(Inputs)!
            .Select(path => format != InputFormat.Auto ? format : File.Exists(path) ? MessageReaders.Detect(path, map) : InputFormat.Auto)
            .ToHashSet();
        var result = signals.ToList();
        if (formats.Contains(InputFormat.Telegram))
        {
            result.Add(SignalKind.CoForward);
        }
        if (formats.Contains(InputFormat.ObjectTable))
        {
            result.Add(SignalKind.CoObject);
        }
        return result;
    }

    /// <summary>The <c>--object-kind</c> name: letters, digits, '_' and '-' only (it becomes part of object keys).</summary>
    public string ObjectKindName(ParseResult parse)
    {
        var kind = parse.GetValue(ObjectKind)?.Trim() ?? "object";
        return kind.Length > 0 && kind.All(c => char.IsLetterOrDigit(c) || c is '_' or '-') ? kind
            : throw new UsageException($"--object-kind must be a name of letters, digits, '_' and '-', got '{kind}'");
    }

    /// <summary>The <c>--pseudonymise</c> key, or null.</summary>
    public Pseudonymiser? Pseudonyms(ParseResult parse) => parse.GetValue(Pseudonymise) is { } keyFile ? Pseudonymiser.FromFile(keyFile) : null;

    /// <summary>The <c>--columns</c> map, or null; a malformed one is a usage error.</summary>
    public IReadOnlyDictionary<string, string>? ColumnMap(ParseResult parse) =>
        ColumnMaps.TryParse(parse.GetValue(Columns), out var map, out var error) ? map : throw new UsageException(error!);

    public static IReadOnlyList<SignalKind> ParseSignals(string? list)
    {
        if (string.IsNullOrWhiteSpace(list) || list.Trim() == "all")
        {
            return SignalNames.All;
        }
        var result = new List<SignalKind>();
        foreach (var name in list.Split(',', ';', ' ').Where(s => s.Length > 0))
        {
            if (!SignalNames.TryParse(name, out var kind))
            {
                throw new UsageException($"unknown signal '{name}'; expected one of {string.Join(", ", SignalNames.All.Select(s => s.Name()))}");
            }
            result.Add(kind);
        }
        return result;
    }
}
