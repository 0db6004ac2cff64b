using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Interchange;

/// <summary>
/// Reads the typed values of one row, adding an error (<c>file:line: column: message</c>) for every value
/// that is missing or malformed and returning null for it, so that one pass reports every problem of the row.
/// </summary>
public sealed class RowReader(CsvTable table, CsvRow row, ImportErrors errors)
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");

    public int Line => row.Line;
    public string File => table.File;

    /// <summary>True once any value of this row was reported as wrong.</summary>
    public bool HasErrors { get; private set; }

    public void Error(string column, string message)
    {
        HasErrors = true;
        errors.Add(table.File, row.Line, column, message);
    }

    /// <summary>The trimmed text; null (with an error when <paramref name="required"/>) when blank.</summary>
    public string? Text(string column, bool required = false)
    {
        var value = table.Value(row, column);
        if (value.Length > 0) return value;
        if (required) Error(column, "a value is required");
        return null;
    }

    public LocalDate? Date(string column, bool required = false) =>
        Parse<LocalDate>(column, required, text => IsoDate.Parse(text) is { Success: true } r ? r.Value : (LocalDate?)null, "is not a date (YYYY-MM-DD)");

    public AcademicYear? AcademicYear(string column) =>
        Parse<SchoolCalendar.AcademicYear>(column, true, text => SchoolCalendar.AcademicYear.TryParse(text, out var y) ? y : (SchoolCalendar.AcademicYear?)null, "is not an academic year (YYYY/YY, e.g. 2025/26)");

    public FinancialYear? FinancialYear(string column) =>
        Parse<SchoolCalendar.FinancialYear>(column, true, text => SchoolCalendar.FinancialYear.TryParse(text, out var y) ? y : (SchoolCalendar.FinancialYear?)null, "is not a financial year (YYYY/YY, e.g. 2025/26)");

    /// <summary>A member of <typeparamref name="T"/> by name, ignoring case (numbers are not accepted).</summary>
    public T? Enum<T>(string column, bool required = false) where T : struct, Enum =>
        Parse(column, required, ParseEnum<T>, $"is not one of {string.Join(", ", System.Enum.GetNames<T>())}");

    public bool? Bool(string column) =>
        Parse(column, false, text => text.ToLowerInvariant() switch { "true" => true, "false" => (bool?)false, _ => null }, "is not true or false");

    /// <summary>A whole number, not negative.</summary>
    public int? Count(string column, bool required = false)
    {
        var value = Parse(column, required, text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : (int?)null, "is not a whole number");
        if (value < 0)
        {
            Error(column, $"'{value}' must not be negative");
            return null;
        }
        return value;
    }

    /// <summary>A <c>;</c>-separated list of enum names (e.g. <c>ASD;SLCN</c>); empty when blank.</summary>
    public List<T> EnumList<T>(string column) where T : struct, Enum
    {
        var result = new List<T>();
        foreach (var item in (Text(column) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParseEnum<T>(item) is { } value) { if (!result.Contains(value)) result.Add(value); }
            else Error(column, $"'{item}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
        }
        return result;
    }

    /// <summary>Parses a value with <paramref name="parse"/> (null = malformed); the message quotes the value.</summary>
    public TValue? Parse<TValue>(string column, bool required, Func<string, TValue?> parse, string problem) where TValue : struct
    {
        if (Text(column, required) is not { } text) return null;
        if (parse(text) is { } value) return value;
        Error(column, $"'{text}' {problem}");
        return null;
    }

    private static T? ParseEnum<T>(string text) where T : struct, Enum =>
        text.Length > 0 && char.IsLetter(text[0]) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : null;
}
