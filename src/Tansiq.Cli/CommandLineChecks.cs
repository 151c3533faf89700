using System.CommandLine;
using System.Text.RegularExpressions;

namespace Tansiq.Cli;

/// <summary>
/// What System.CommandLine does not do for us: an unknown option is an error (never taken for a file name), and parser
/// messages are said in the user's terms, without .NET type names.
/// </summary>
internal static partial class CommandLineChecks
{
    /// <summary>The first token that looks like an option but is none of <paramref name="command"/>'s (its own and
    /// the inherited ones), with the closest known spelling; null when every option is known. Tokens after a bare
    /// <c>--</c> are operands, and negative numbers are values.</summary>
    public static string? UnknownOption(Command command, IReadOnlyList<string> args)
    {
        var known = KnownOptions(command);
        foreach (var arg in args)
        {
            if (arg == "--")
            {
                break;
            }
            if (arg.Length < 2 || arg[0] != '-' || !(char.IsAsciiLetter(arg[1]) || (arg[1] == '-' && arg.Length > 2)))
            {
                continue;
            }
            var name = arg.Split('=', 2)[0];
            if (known.Contains(name))
            {
                continue;
            }
            var suggestion = Closest(name, known);
            return suggestion is null ? $"unknown option {name}" : $"unknown option {name}; did you mean {suggestion}?";
        }
        return null;
    }

    private static HashSet<string> KnownOptions(Command command)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        void Add(Option option)
        {
            known.Add(option.Name);
            foreach (var alias in option.Aliases)
            {
                known.Add(alias);
            }
        }
        foreach (var option in command.Options)
        {
            Add(option);
        }
        foreach (var parent in Ancestors(command))
        {
            foreach (var option in parent.Options.Where(o => o.Recursive))
            {
                Add(option);
            }
        }
        return known;
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        var seen = new HashSet<Command>();
        var queue = new Queue<Command>(command.Parents.OfType<Command>());
        while (queue.TryDequeue(out var parent))
        {
            if (seen.Add(parent))
            {
                yield return parent;
                foreach (var next in parent.Parents.OfType<Command>())
                {
                    queue.Enqueue(next);
                }
            }
        }
    }

    /// <summary>The known option nearest in edit distance, if it is near enough to be a typo.</summary>
    private static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Where(k => k.StartsWith("--", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var distance = Distance(name, candidate);
            if (candidate.StartsWith(name, StringComparison.Ordinal) && name.Length >= 4)
            {
                distance = Math.Min(distance, 1);
            }
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>A parser message in the user's terms: "'abc' is not a number for --window" rather than
    /// "Cannot parse argument 'abc' for option '--window' as expected type 'System.Double'".</summary>
    public static string Friendly(string message)
    {
        var parse = CannotParse().Match(message);
        if (parse.Success)
        {
            return $"{parse.Groups["option"].Value}: '{parse.Groups["value"].Value}' is not {Kind(parse.Groups["type"].Value)}";
        }
        message = ParameterSuffix().Replace(message, "");
        return TypeName().Replace(message, m => Kind(m.Value));
    }

    private static string Kind(string typeName) => typeName.Replace("System.", "", StringComparison.Ordinal).TrimEnd('?') switch
    {
        "Int32" or "Int64" or "Nullable`1[Int32]" or "Nullable`1[Int64]" => "a whole number",
        "Double" or "Single" or "Decimal" or "Nullable`1[Double]" => "a number",
        "Boolean" => "true or false",
        "IO.FileInfo" or "IO.DirectoryInfo" or "String" => "a path",
        _ => "a valid value",
    };

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"System\.[A-Za-z0-9_.`\[\]]+")]
    private static partial Regex TypeName();
}
