using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Interchange;

/// <summary>
/// The Commissioning files of the county import (interchange.md), read and checked without a database:
/// <see cref="Parse"/> checks each value and finds duplicate keys; <see cref="Validate"/> checks what needs the
/// whole folder and what the database already holds (references, overlapping placements).
/// Rows with a wrong value are left out of the lists, but their keys still count as present, so one bad
/// date does not also make every reference to that row an error.
/// </summary>
public sealed class CommissioningFiles
{
    public const string Providers = "providers.csv";
    public const string Places = "places.csv";
    public const string Children = "children.csv";
    public const string Placements = "placements.csv";
    public const string TermDates = "term_dates.csv";
    public const string SchoolClosures = "school_closures.csv";

    /// <summary>The columns of each file: interchange.md's, plus the documented extensions (age_from, age_to, district, dual_registration, end_reason).</summary>
    public static readonly IReadOnlyDictionary<string, CsvColumns> Columns = new Dictionary<string, CsvColumns>
    {
        [Providers] = new(["provider_ref", "name", "provision_type", "la_code", "phase"], ["urn", "ukprn", "district", "designated_needs", "age_from", "age_to"]),
        [Places] = new(["provider_ref", "academic_year", "places"], ["need"]),
        [Children] = new(["child_ref", "given_name", "family_name", "date_of_birth", "primary_need", "resident_la"], ["ehc_plan_issued", "last_annual_review", "district"]),
        [Placements] = new(["placement_ref", "child_ref", "provider_ref", "start_date"],
            ["end_date", "attendance", "responsible_la", "out_of_area_reason", "dual_registration", "end_reason"]),
        [TermDates] = new(["academic_year", "start", "end"], []),
        [SchoolClosures] = new(["date", "reason"], []),
    };

    public List<ProviderRow> ProviderRows { get; } = [];
    public List<PlacesRow> PlacesRows { get; } = [];
    public List<ChildRow> ChildRows { get; } = [];
    public List<PlacementRow> PlacementRows { get; } = [];
    public List<TermRow> TermRows { get; } = [];
    public List<ClosureRow> ClosureRows { get; } = [];

    /// <summary>Every key present in the files, including those of rows with a wrong value.</summary>
    public HashSet<string> ProviderRefs { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ChildRefs { get; } = new(StringComparer.Ordinal);
    public HashSet<string> PlacementRefs { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the Commissioning files among <paramref name="tables"/> (absent files are simply not imported).</summary>
    public static CommissioningFiles Parse(IReadOnlyDictionary<string, CsvTable> tables, ImportErrors errors)
    {
        var files = new CommissioningFiles();
        CsvTable Table(string name) => tables.TryGetValue(name, out var t) ? t : CsvTable.Empty(name);
        files.ParseProviders(Table(Providers), errors);
        files.ParsePlaces(Table(Places), errors);
        files.ParseChildren(Table(Children), errors);
        files.ParsePlacements(Table(Placements), errors);
        files.ParseTerms(Table(TermDates), errors);
        files.ParseClosures(Table(SchoolClosures), errors);
        return files;
    }

    private void ParseProviders(CsvTable table, ImportErrors errors)
    {
        var keys = new DuplicateKeys<string>("provider_ref");
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var reference = r.Text("provider_ref", required: true);
            var unique = reference is null || (keys.IsFirst(r, reference, $"provider_ref '{reference}'") && ProviderRefs.Add(reference));
            var name = r.Text("name", required: true);
            var type = r.Enum<ProvisionType>("provision_type", required: true);
            var urn = r.Text("urn");
            var ukprn = r.Text("ukprn");
            var la = r.Text("la_code", required: true);
            var district = r.Text("district");
            var phase = r.Enum<Phase>("phase", required: true);
            var needs = r.EnumList<Need>("designated_needs");
            var ageFrom = r.Count("age_from");
            var ageTo = r.Count("age_to");
            if (ageFrom > ageTo) r.Error("age_to", $"'{ageTo}' is below age_from '{ageFrom}'");
            if (urn?.Length > 10) r.Error("urn", $"'{urn}' is longer than 10 characters");
            if (ukprn?.Length > 10) r.Error("ukprn", $"'{ukprn}' is longer than 10 characters");
            if (unique && !r.HasErrors)
                ProviderRows.Add(new(r.Line, reference!, name!, type!.Value, urn, ukprn, la!, district, phase!.Value, needs, ageFrom, ageTo));
        }
    }

    private void ParsePlaces(CsvTable table, ImportErrors errors)
    {
        var keys = new DuplicateKeys<(string, AcademicYear, Need?)>("provider_ref");
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var provider = r.Text("provider_ref", required: true);
            var year = r.AcademicYear("academic_year");
            var need = r.Enum<Need>("need");
            var places = r.Count("places", required: true);
            if (r.HasErrors || !keys.IsFirst(r, (provider!, year!.Value, need), $"provider_ref '{provider}', academic_year {year}, need {need?.ToString() ?? "(any)"}")) continue;
            PlacesRows.Add(new(r.Line, provider!, year.Value, need, places!.Value));
        }
    }

    private void ParseChildren(CsvTable table, ImportErrors errors)
    {
        var keys = new DuplicateKeys<string>("child_ref");
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var reference = r.Text("child_ref", required: true);
            var unique = reference is null || (keys.IsFirst(r, reference, $"child_ref '{reference}'") && ChildRefs.Add(reference));
            var given = r.Text("given_name", required: true);
            var family = r.Text("family_name", required: true);
            var born = r.Date("date_of_birth", required: true);
            var need = r.Enum<Need>("primary_need", required: true);
            var resident = r.Text("resident_la", required: true);
            var district = r.Text("district");
            var issued = r.Date("ehc_plan_issued");
            var reviewed = r.Date("last_annual_review");
            if (unique && !r.HasErrors)
                ChildRows.Add(new(r.Line, reference!, given!, family!, born!.Value, need!.Value, resident!, district, issued, reviewed));
        }
    }

    private void ParsePlacements(CsvTable table, ImportErrors errors)
    {
        var keys = new DuplicateKeys<string>("placement_ref");
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var reference = r.Text("placement_ref", required: true);
            var unique = reference is null || (keys.IsFirst(r, reference, $"placement_ref '{reference}'") && PlacementRefs.Add(reference));
            var child = r.Text("child_ref", required: true);
            var provider = r.Text("provider_ref", required: true);
            var start = r.Date("start_date", required: true);
            var end = r.Date("end_date");
            var attendance = r.Enum<Attendance>("attendance") ?? Attendance.Day;
            var responsible = r.Text("responsible_la");
            var outOfArea = r.Enum<OutOfAreaReason>("out_of_area_reason");
            var dual = r.Bool("dual_registration") ?? false;
            var endReason = r.Enum<CeaseReason>("end_reason");
            if (start is { } s && end is { } e && e < s)
                r.Error("end_date", $"the end date {e:uuuu-MM-dd} is before the start date {s:uuuu-MM-dd} ({PlacementRules.PlacementMustNotEndBeforeItStarts})");
            if (endReason is not null && end is null && r.Text("end_date") is null)
                r.Error("end_reason", "an end reason needs an end_date");
            if (unique && !r.HasErrors)
                PlacementRows.Add(new(r.Line, reference!, child!, provider!, start!.Value, end, attendance, responsible, outOfArea, dual, endReason));
        }
    }

    private void ParseTerms(CsvTable table, ImportErrors errors)
    {
        var keys = new DuplicateKeys<(AcademicYear, LocalDate)>("start");
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var year = r.AcademicYear("academic_year");
            var start = r.Date("start", required: true);
            var end = r.Date("end", required: true);
            if (r.HasErrors || !keys.IsFirst(r, (year!.Value, start!.Value), $"academic_year {year}, start {start:uuuu-MM-dd}")) continue;
            try
            {
                TermRows.Add(new(r.Line, new Term(year.Value, start.Value, end!.Value)));
            }
            catch (DomainRuleException e)
            {
                r.Error(e.Rule == "TermMustStartOnOrBeforeItsEnd" ? "end" : "start", $"{e.Message} ({e.Rule})");
            }
        }
    }

    private void ParseClosures(CsvTable table, ImportErrors errors)
    {
        var keys = new DuplicateKeys<LocalDate>("date");
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var date = r.Date("date", required: true);
            var reason = r.Text("reason", required: true);
            if (date is { DayOfWeek: IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday } d)
                r.Error("date", $"{d:uuuu-MM-dd} is a {d.DayOfWeek}; a closure is a weekday that would otherwise be a school day");
            if (r.HasErrors || !keys.IsFirst(r, date!.Value, $"date {date:uuuu-MM-dd}")) continue;
            ClosureRows.Add(new(r.Line, new SchoolClosure(date.Value, reason!)));
        }
    }

    /// <summary>
    /// Checks what needs the folder as a whole and the database: that references resolve (in the folder or the
    /// database) and that no child has overlapping placements once the import is applied (rule
    /// <see cref="PlacementRules.PlacementsMustNotOverlap"/>, unless one is a dual registration).
    /// </summary>
    public void Validate(CommissioningState existing, LocalDate today, ImportErrors errors)
    {
        bool ProviderKnown(string r) => ProviderRefs.Contains(r) || existing.Providers.ContainsKey(r);
        foreach (var row in PlacesRows.Where(p => !ProviderKnown(p.ProviderRef)))
            errors.Add(Places, row.Line, "provider_ref", $"'{row.ProviderRef}' is not in {Providers} or the database");
        foreach (var row in PlacementRows)
        {
            if (!ChildRefs.Contains(row.ChildRef) && !existing.Children.ContainsKey(row.ChildRef))
                errors.Add(Placements, row.Line, "child_ref", $"'{row.ChildRef}' is not in {Children} or the database");
            if (!ProviderKnown(row.ProviderRef))
                errors.Add(Placements, row.Line, "provider_ref", $"'{row.ProviderRef}' is not in {Providers} or the database");
        }
        CheckOverlaps(existing, today, errors);
    }

    private void CheckOverlaps(CommissioningState existing, LocalDate today, ImportErrors errors)
    {
        // The final state: the database's placements, each replaced by the file's row of the same reference.
        var childRefById = existing.Children.Values.ToDictionary(c => c.Id, c => c.Reference);
        var final = new Dictionary<string, (string ChildRef, Placement Placement, int? Line)>(StringComparer.Ordinal);
        foreach (var p in existing.Placements.Values)
            if (childRefById.TryGetValue(p.ChildId, out var childRef)) final[p.Reference] = (childRef, p, null);
        foreach (var row in PlacementRows)
        {
            var placement = new Placement(row.Reference, 0, 0, row.Start, row.End, row.ResponsibleLa ?? "import") { DualRegistration = row.DualRegistration };
            placement.RecordAsExisting(today, row.EndReason);
            final[row.Reference] = (row.ChildRef, placement, row.Line);
        }
        var byChild = final.Values.ToLookup(f => f.ChildRef, StringComparer.Ordinal);
        foreach (var row in PlacementRows)
        {
            var mine = final[row.Reference];
            // Each clash is reported once, on the later line of the file (or on the file's row when the other is only in the database).
            var others = byChild[row.ChildRef].Where(o => o.Line is null || o.Line < row.Line).Select(o => o.Placement);
            if (PlacementRules.FindOverlap(mine.Placement, others) is { } clash)
                errors.Add(Placements, row.Line, "start_date", $"{PlacementRules.OverlapMessage(mine.Placement, clash)} ({PlacementRules.PlacementsMustNotOverlap})");
        }
    }

    /// <summary>
    /// For every placement reference in the folder or the database, the provision type of its provider
    /// (null when the provider cannot be resolved): what Finance needs to check a placement's top-up band.
    /// </summary>
    public Dictionary<string, ProvisionType?> PlacementProvisionTypes(CommissioningState existing)
    {
        var fileTypes = ProviderRows.ToDictionary(p => p.Reference, p => p.ProvisionType, StringComparer.Ordinal);
        ProvisionType? ByRef(string r) => fileTypes.TryGetValue(r, out var t) ? t : existing.Providers.TryGetValue(r, out var p) ? p.ProvisionType : null;
        var providerRefById = existing.Providers.Values.ToDictionary(p => p.Id, p => p.Reference);
        var result = new Dictionary<string, ProvisionType?>(StringComparer.Ordinal);
        foreach (var p in existing.Placements.Values)
            result[p.Reference] = providerRefById.TryGetValue(p.ProviderId, out var providerRef) ? ByRef(providerRef) : null;
        foreach (var r in PlacementRefs) result[r] = null;
        foreach (var row in PlacementRows) result[row.Reference] = ByRef(row.ProviderRef);
        return result;
    }
}
