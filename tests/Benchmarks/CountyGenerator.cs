using System.Globalization;
using System.Text;
using NodaTime;

namespace Placements.Benchmarks;

/// <summary>
/// Writes a county-scale import folder in the interchange format (interchange.md): about 300 providers,
/// 14,000 children and 20,000 placements with four years of history (moves at phase transitions, leavers),
/// places for the history and the years ahead, bands, funding, rates, term dates and budgets.
/// Deterministic for a given seed and date, so every run measures the same county.
/// </summary>
public sealed class CountyGenerator(LocalDate today, int placements = 20_000, int seed = 20_000)
{
    public const string LaCode = "990";
    private static readonly string[] Needs = ["ASD", "ASD", "ASD", "SEMH", "SEMH", "SLCN", "SLCN", "MLD", "SLD", "PMLD", "SPLD", "HI", "VI", "MSI", "PD", "OTH"];
    private static readonly string[] Districts = ["North", "East", "South", "West", "Central", "Coast"];
    private readonly Random _random = new(seed);
    private readonly int _thisYear = today.Month >= 9 ? today.Year : today.Year - 1;

    private sealed record GeneratedProvider(string Ref, string Type, string Phase, string La, string? Need, int AgeFrom, int AgeTo);

    public int PlacementCount { get; private set; }

    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var providers = Providers();
        Write(folder, "providers.csv", "provider_ref,name,provision_type,urn,la_code,district,phase,designated_needs,age_from,age_to",
            providers.Select((p, i) => $"{p.Ref},Provider {i + 1},{p.Type},{200000 + i},{p.La},{(p.La == LaCode ? Districts[i % Districts.Length] : "")},{p.Phase},{p.Need},{p.AgeFrom},{p.AgeTo}"));

        var children = new StringBuilder();
        var rows = new List<string>();
        var onRoll = new Dictionary<(string Provider, int Year), int>();
        var childNumber = 0;
        while (rows.Count < placements)
        {
            var child = $"K{++childNumber:000000}";
            var age = _random.Next(3, 21);
            var born = new LocalDate(_thisYear - age - 1, 9, 1).PlusDays(_random.Next(365));
            var need = Needs[_random.Next(Needs.Length)];
            children.Append(CultureInfo.InvariantCulture, $"{child},Given{childNumber},Family{childNumber % 977},{born:yyyy-MM-dd},{need},{LaCode},{Districts[childNumber % Districts.Length]}\n");
            // Up to four years of history: a first placement, perhaps a move at a transition, perhaps leaving.
            var first = _thisYear - _random.Next(0, 5);
            var start = new LocalDate(first, 9, 3).PlusDays(_random.Next(0, 120));
            var provider = PickFor(providers, need, first - born.Year);
            var moveYear = _random.Next(100) < 35 && first < _thisYear ? _random.Next(first + 1, _thisYear + 1) : (int?)null;
            var leaves = _random.Next(100) < 12;
            var n = 0;
            if (moveYear is { } moved)
            {
                rows.Add(Placement(child, ++n, provider, start, new LocalDate(moved, 8, 31), "MovedToAnotherSetting"));
                provider = PickFor(providers, need, moved - born.Year);
                start = new LocalDate(moved, 9, 3);
            }
            var end = leaves ? today.PlusDays(-_random.Next(1, 700)) : (LocalDate?)null;
            if (end < start) end = start.PlusDays(_random.Next(30, 200));
            rows.Add(Placement(child, ++n, provider, start, end, end is null ? "" : "NeedsMetWithoutPlan"));
            for (var y = start.Year; y <= _thisYear; y++) onRoll[(provider.Ref, y)] = onRoll.GetValueOrDefault((provider.Ref, y)) + 1;
        }
        PlacementCount = rows.Count;
        Write(folder, "children.csv", "child_ref,given_name,family_name,date_of_birth,primary_need,resident_la,district", [children.ToString().TrimEnd('\n')]);
        Write(folder, "placements.csv", "placement_ref,child_ref,provider_ref,start_date,end_date,attendance,out_of_area_reason,end_reason", rows);

        var places = new List<string>();
        foreach (var p in providers.Where(p => p.La == LaCode && p.Type is "MaintainedSpecial" or "SpecialAcademy" or "ResourcedProvision" or "PupilReferralUnit"))
            for (var y = _thisYear - 4; y <= _thisYear + 2; y++)
                places.Add($"{p.Ref},{y}/{(y + 1) % 100:00},{p.Need},{Math.Max(8, onRoll.GetValueOrDefault((p.Ref, Math.Min(y, _thisYear))) + _random.Next(-3, 4))}");
        Write(folder, "places.csv", "provider_ref,academic_year,need,places", places);

        var fy = today.Month >= 4 ? today.Year : today.Year - 1;
        Write(folder, "topup_bands.csv", "provision_type,band,financial_year,annual_amount",
            from y in Enumerable.Range(fy - 4, 6)
            from type in new[] { "MaintainedSpecial", "SpecialAcademy", "ResourcedProvision", "Mainstream", "PupilReferralUnit", "FurtherEducation", "EarlyYears" }
            from band in new[] { ("A", 11412), ("B", 14480), ("C", 17556) }
            select $"{type},{band.Item1},{y}/{(y + 1) % 100:00},{band.Item2 + (y - fy + 4) * 350}");
        Write(folder, "placement_funding.csv", "placement_ref,effective_from,band,annual_amount",
            rows.Select(r => r.Split(',')).Select(r => IsFeePaid(r[2], providers)
                ? $"{r[0]},{r[3]},,{_random.Next(42, 180) * 1000}"
                : $"{r[0]},{r[3]},{"ABC"[_random.Next(3)]},"));
        Write(folder, "place_rates.csv", "provision_type,effective_from,occupied_rate,unoccupied_rate",
            ["MaintainedSpecial,2020-04-01,10000,", "SpecialAcademy,2020-04-01,10000,", "NonMaintainedSpecial,2020-04-01,10000,",
             "PupilReferralUnit,2020-04-01,10000,", "ResourcedProvision,2020-04-01,6000,10000", "FurtherEducation,2020-04-01,6000,"]);
        Write(folder, "term_dates.csv", "academic_year,start,end",
            Enumerable.Range(_thisYear - 4, 6).SelectMany(y => new[]
            {
                $"{y}/{(y + 1) % 100:00},{y}-09-03,{y}-12-18", $"{y}/{(y + 1) % 100:00},{y + 1}-01-06,{y + 1}-03-27", $"{y}/{(y + 1) % 100:00},{y + 1}-04-14,{y + 1}-07-21",
            }));
        Write(folder, "budgets.csv", "financial_year,s251_line,amount",
            new[] { "1.0.2", "1.2.1", "1.2.2", "1.2.3" }.Select((line, i) => $"{fy}/{(fy + 1) % 100:00},{line},{(i + 2) * 25_000_000}"));
    }

    private string Placement(string child, int n, GeneratedProvider provider, LocalDate start, LocalDate? end, string endReason) =>
        $"{child}-{n},{child},{provider.Ref},{start:yyyy-MM-dd},{end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}," +
        $"{(provider.Type == "IndependentSpecial" && _random.Next(4) == 0 ? "WeeklyBoarding" : "Day")}," +
        $"{(provider.La != LaCode ? "NoLocalCapacity" : "")},{endReason}";

    private List<GeneratedProvider> Providers()
    {
        var list = new List<GeneratedProvider>();
        void Add(int count, string type, string phase, bool local, bool designated, int from, int to)
        {
            for (var i = 0; i < count; i++)
                list.Add(new($"P{list.Count + 1:0000}", type, phase, local ? LaCode : $"99{1 + i % 8}", designated ? Needs[(list.Count * 7) % Needs.Length] : null, from, to));
        }
        Add(24, "MaintainedSpecial", "AllThrough", true, false, 4, 19);
        Add(10, "SpecialAcademy", "Secondary", true, false, 11, 19);
        Add(65, "ResourcedProvision", "Primary", true, true, 4, 11);
        Add(20, "PupilReferralUnit", "Secondary", true, false, 11, 16);
        Add(60, "IndependentSpecial", "AllThrough", false, true, 5, 19);
        Add(10, "NonMaintainedSpecial", "AllThrough", false, true, 5, 19);
        Add(90, "Mainstream", "Primary", true, false, 4, 11);
        Add(12, "FurtherEducation", "Post16", true, false, 16, 25);
        Add(9, "EarlyYears", "EarlyYears", true, false, 2, 5);
        return list;
    }

    private GeneratedProvider PickFor(List<GeneratedProvider> providers, string need, int age)
    {
        var type = age switch
        {
            < 4 => "EarlyYears",
            >= 16 => _random.Next(3) == 0 ? "MaintainedSpecial" : "FurtherEducation",
            _ => _random.Next(100) switch { < 35 => "Mainstream", < 60 => "MaintainedSpecial", < 68 => "SpecialAcademy", < 80 => "ResourcedProvision", < 85 => "PupilReferralUnit", < 97 => "IndependentSpecial", _ => "NonMaintainedSpecial" },
        };
        var ofType = providers.Where(p => p.Type == type).ToList();
        var suitable = ofType.Where(p => p.Need is null || p.Need == need).ToList();
        return (suitable.Count > 0 ? suitable : ofType)[_random.Next((suitable.Count > 0 ? suitable : ofType).Count)];
    }

    private static bool IsFeePaid(string providerRef, List<GeneratedProvider> providers) =>
        providers.First(p => p.Ref == providerRef).Type is "IndependentSpecial" or "NonMaintainedSpecial";

    private static void Write(string folder, string file, string header, IEnumerable<string> lines) =>
        File.WriteAllText(Path.Combine(folder, file), header + "\n" + string.Join("\n", lines.Where(l => l.Length > 0)) + "\n");
}
