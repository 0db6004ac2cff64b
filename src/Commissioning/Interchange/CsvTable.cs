using CsvHelper;

namespace Placements.Commissioning.Interchange;

/// <summary>The columns a file of the import may have: the required ones and the optional ones (names in lower case).</summary>
public sealed record CsvColumns(IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    public IEnumerable<string> All => Required.Concat(Optional);

    /// <summary>The same columns plus optional ones another module reads from the same file.</summary>
    public CsvColumns WithOptional(params string[] more) => this with { Optional = [.. Optional, .. more] };
}

/// <summary>One data row of a file: its physical line (header = 1) and its values, trimmed, in header order.</summary>
public sealed record CsvRow(int Line, string[] Values);

/// <summary>
/// One file of an import read into memory: the header checked against the file's <see cref="CsvColumns"/>
/// (names case-insensitive, order free, unknown columns an error), and the rows with their line numbers.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _index;

    private CsvTable(string file, Dictionary<string, int> index, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        _index = index;
        Rows = rows;
    }

    /// <summary>The file's name as the format spells it (e.g. <c>placements.csv</c>).</summary>
    public string File { get; }
    public IReadOnlyList<CsvRow> Rows { get; }

    public bool HasColumn(string column) => _index.ContainsKey(column);

    /// <summary>The trimmed value of <paramref name="column"/> in <paramref name="row"/>; empty when the column is absent.</summary>
    public string Value(CsvRow row, string column) =>
        _index.TryGetValue(column, out var at) && at < row.Values.Length ? row.Values[at] : "";

    /// <summary>An empty table, for a file the import does not include.</summary>
    public static CsvTable Empty(string file) => new(file, [], []);

    /// <summary>
    /// Reads a UTF-8 CSV file (a byte order mark is tolerated). Problems with the header or the shape of a row
    /// are added to <paramref name="errors"/>; rows are returned whatever their values hold.
    /// </summary>
    public static CsvTable Read(string file, Stream stream, CsvColumns columns, ImportErrors errors)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        var rows = new List<CsvRow>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var headers = reader.Headers.ToArray();
            if (headers.Length == 0 || headers.All(string.IsNullOrWhiteSpace))
            {
                errors.Add(file, 1, ImportError.WholeFile, "the file is empty; it needs a header row naming its columns");
                return new CsvTable(file, index, rows);
            }
            if (!CheckHeader(file, headers, columns, index, errors)) return new CsvTable(file, index, rows);
            while (reader.Read())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++) values[i] = reader.GetString(i).Trim();
                if (values.All(v => v.Length == 0)) continue;
                if (values.Length > headers.Length)
                {
                    errors.Add(file, (int)reader.LineNumber, ImportError.WholeFile, $"the row has {values.Length} values but the header names {headers.Length} columns");
                    continue;
                }
                rows.Add(new CsvRow((int)reader.LineNumber, values));
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(file, (int)Math.Max(1, e.LineNumber), ImportError.WholeFile, $"the file is not valid CSV here (a quote is not closed or out of place); nothing after this line was read");
        }
        return new CsvTable(file, index, rows);
    }

    private static bool CheckHeader(string file, string[] headers, CsvColumns columns, Dictionary<string, int> index, ImportErrors errors)
    {
        var known = columns.All.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < headers.Length; i++)
        {
            var name = headers[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                errors.Add(file, 1, $"column {i + 1}", "the column has no name");
            }
            else if (!known.Contains(name))
            {
                errors.Add(file, 1, name, $"unknown column; {file} has the columns {string.Join(", ", columns.Required.Concat(columns.Optional.Select(o => o + "?")))}");
            }
            else if (!index.TryAdd(name, i))
            {
                errors.Add(file, 1, name, "the column appears twice in the header");
            }
        }
        // Rows are still read past an unknown column, so their own problems are reported too; without a required
        // column every row would only repeat that its value is missing.
        var missing = columns.Required.Where(r => !index.ContainsKey(r)).ToList();
        foreach (var required in missing) errors.Add(file, 1, required, "required column is missing from the header");
        return missing.Count == 0;
    }
}
