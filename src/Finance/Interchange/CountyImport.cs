using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Placements.Commissioning.Interchange;
using Placements.Commissioning.Persistence;
using Placements.Finance.Persistence;

namespace Placements.Finance.Interchange;

/// <summary>
/// Imports a county's folder of CSV files (interchange.md) all or nothing: every file and row is read and
/// checked first, against the folder and the database, collecting every error; only when there is none is
/// everything upserted, in one transaction shared by both modules' contexts.
/// </summary>
public sealed class CountyImport(CommissioningDb commissioning, FinanceDb finance)
{
    /// <summary>Every file the import reads, in the order reports list them.</summary>
    public static readonly IReadOnlyList<string> Files = [.. CommissioningFiles.Columns.Keys, .. FinanceFiles.Columns.Keys];

    /// <param name="today">The council's today (Europe/London): placements that ended before it are recorded as ended.</param>
    /// <param name="councilLaCode">The responsible LA of a placement whose <c>responsible_la</c> is blank.</param>
    public async Task<CountyImportResult> RunAsync(IImportSource source, LocalDate today, string councilLaCode, CancellationToken cancellationToken = default)
    {
        var errors = new ImportErrors();
        var tables = ReadTables(source, errors);
        var commissioningFiles = CommissioningFiles.Parse(tables, errors);
        var financeFiles = FinanceFiles.Parse(tables, errors);

        await using var transaction = await SharedTransaction.BeginAsync(commissioning, finance, cancellationToken);
        var commissioningState = await CommissioningState.LoadAsync(commissioning, cancellationToken);
        var financeState = await FinanceState.LoadAsync(finance, cancellationToken);
        commissioningFiles.Validate(commissioningState, today, errors);
        financeFiles.Validate(financeState, commissioningFiles.PlacementProvisionTypes(commissioningState), errors);
        if (errors.Any) return CountyImportResult.Failed(errors.Sorted());

        var present = tables.Keys.ToHashSet(StringComparer.Ordinal);
        var written = await new CommissioningImport(commissioning, commissioningState, today, councilLaCode).ApplyAsync(commissioningFiles, present, cancellationToken);
        var paid = await new FinanceImport(finance, financeState, commissioningState).ApplyAsync(financeFiles, present, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // A provider whose only change was its pro-rata basis is an updated row of providers.csv.
        var providers = written.Files.FirstOrDefault(t => t.File == CommissioningFiles.Providers);
        foreach (var _ in paid.FundingTermsChanged.Where(r => !written.ProvidersChanged.Contains(r)))
            providers?.MarkUnchangedAsUpdated();
        var tallies = written.Files.Concat(paid.Files).OrderBy(t => Files.ToList().IndexOf(t.File)).ToList();
        return CountyImportResult.Succeeded(tallies, written.Warnings);
    }

    /// <summary>Reads each file of the source that the import knows; any other CSV file is an error (a misnamed file would otherwise be silently skipped).</summary>
    private static Dictionary<string, CsvTable> ReadTables(IImportSource source, ImportErrors errors)
    {
        var tables = new Dictionary<string, CsvTable>(StringComparer.Ordinal);
        foreach (var name in source.FileNames.Order(StringComparer.Ordinal))
        {
            var file = name.ToLowerInvariant();
            if (!Files.Contains(file))
            {
                errors.Add(name, 1, ImportError.WholeFile, $"not a file of the county import; its files are {string.Join(", ", Files)}");
                continue;
            }
            if (tables.ContainsKey(file))
            {
                errors.Add(name, 1, ImportError.WholeFile, $"{file} is given twice");
                continue;
            }
            var columns = CommissioningFiles.Columns.TryGetValue(file, out var c)
                ? file == CommissioningFiles.Providers ? c.WithOptional(FinanceFiles.ProRataBasisColumn) : c
                : FinanceFiles.Columns[file];
            using var stream = source.Open(name);
            tables[file] = CsvTable.Read(file, stream, columns, errors);
        }
        return tables;
    }
}

/// <summary>The outcome of a county import: the errors that stopped it (nothing written), or what each file changed.</summary>
public sealed record CountyImportResult(IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportTally> Files, IReadOnlyList<string> Warnings)
{
    public bool Success => Errors.Count == 0;
    public int Created => Files.Sum(f => f.Created);
    public int Updated => Files.Sum(f => f.Updated);
    public int Unchanged => Files.Sum(f => f.Unchanged);

    public static CountyImportResult Failed(IReadOnlyList<ImportError> errors) => new(errors, [], []);
    public static CountyImportResult Succeeded(IReadOnlyList<ImportTally> files, IReadOnlyList<string> warnings) => new([], files, warnings);

    /// <summary>The report as lines: one per file, then the totals.</summary>
    public IEnumerable<string> ReportLines() =>
        Files.Select(f => f.ToString()).Append($"Total: {Created} created, {Updated} updated, {Unchanged} unchanged");
}
