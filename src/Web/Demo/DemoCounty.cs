using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Funding;
using Placements.Finance.Persistence;

namespace Placements.Web.Demo;

/// <summary>
/// A fictional unitary council of about 2,000 EHC plans (Derby and Plymouth are this size), built
/// from a fixed random seed around today's date so the demo always has current placements: special
/// schools, resourced provisions, independent and non-maintained schools, colleges, mainstream
/// schools, children across NCY and need, placements with history, bands, rates, term dates and a budget.
/// </summary>
public sealed class DemoCounty(CommissioningDb commissioning, FinanceDb finance, LocalDate today)
{
    public const string CouncilName = "Wessex Vale Council";
    public const string LaCode = "990";
    public const int Children = 2_000;
    /// <summary>Young people whose plans ended in the last three years: the leavers place planning measures its rates from.</summary>
    public const int FormerChildren = 360;
    public const int ChildrenOnRecord = Children + FormerChildren;

    private static readonly string[] Districts = ["Northmoor", "Eastbridge", "Kingsford", "Westcombe", "Southwold"];
    private static readonly string[] NeighbourLas = ["991", "992", "993", "994", "995", "996"];
    private readonly Random _random = new(2026);
    private readonly AcademicYear _thisYear = AcademicYear.For(today);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var providers = Providers();
        commissioning.Providers.AddRange(providers);
        commissioning.Terms.AddRange(Terms());
        commissioning.SchoolClosures.AddRange(Closures());
        var children = ChildrenWithPlans();
        commissioning.Children.AddRange(children);
        await commissioning.SaveChangesAsync(cancellationToken);

        var placements = children.SelectMany(c => PlacementsFor(c, providers)).ToList();
        var leavers = Leavers(providers);
        commissioning.Children.AddRange(leavers.Select(l => l.Child));
        await commissioning.SaveChangesAsync(cancellationToken);
        placements.AddRange(leavers.Select(l => l.Placement(l.Child.Id)));
        commissioning.Placements.AddRange(placements);
        commissioning.CommissionedPlaces.AddRange(Places(providers, placements, children));
        await commissioning.SaveChangesAsync(cancellationToken);

        var byId = providers.ToDictionary(p => p.Id);
        finance.TopUpBands.AddRange(Bands());
        finance.PlaceRates.AddRange(PlaceRates());
        finance.PlacementFunding.AddRange(placements.SelectMany(p => FundingFor(p, byId[p.ProviderId])));
        finance.BudgetLines.AddRange(Budget(FinancialYear.For(today).Previous(), 0.94m).Concat(Budget(FinancialYear.For(today), 1m)));
        await finance.SaveChangesAsync(cancellationToken);
    }

    // ---- Providers -------------------------------------------------------------------------------------------

    private static readonly (string Name, ProvisionType Type, Phase Phase, Need[] Needs, int Places)[] SpecialSchools =
    [
        ("Brookfield School", ProvisionType.MaintainedSpecial, Phase.AllThrough, [Need.SLD, Need.PMLD, Need.MSI], 150),
        ("Hollybank School", ProvisionType.MaintainedSpecial, Phase.Primary, [Need.ASD], 90),
        ("Meadowview School", ProvisionType.MaintainedSpecial, Phase.Secondary, [Need.ASD], 110),
        ("Riverside Learning Centre", ProvisionType.MaintainedSpecial, Phase.Secondary, [Need.SEMH], 70),
        ("Oakwood School", ProvisionType.MaintainedSpecial, Phase.AllThrough, [Need.MLD, Need.SLCN], 180),
        ("Larchfield School", ProvisionType.MaintainedSpecial, Phase.Primary, [Need.MLD, Need.SLCN, Need.ASD], 100),
        ("Kingsmead School", ProvisionType.MaintainedSpecial, Phase.AllThrough, [Need.PD, Need.HI, Need.VI], 80),
        ("Elmhurst School", ProvisionType.MaintainedSpecial, Phase.Primary, [Need.SEMH], 50),
        ("Beacon Hill Academy", ProvisionType.SpecialAcademy, Phase.AllThrough, [Need.SLD, Need.PMLD], 120),
        ("Westcombe Park Academy", ProvisionType.SpecialAcademy, Phase.Secondary, [Need.ASD, Need.SEMH], 90),
        ("Willow Tree Free School", ProvisionType.SpecialAcademy, Phase.Primary, [Need.ASD], 64),
        ("Cedars Academy", ProvisionType.SpecialAcademy, Phase.Secondary, [Need.MLD, Need.ASD], 140),
    ];

    private List<Provider> Providers()
    {
        var list = new List<Provider>();
        var n = 0;
        Provider Add(string name, ProvisionType type, Phase phase, string la, Need[]? needs = null, (int, int)? ages = null)
        {
            var p = new Provider($"PRV{++n:000}", name, type, la, phase)
            {
                District = la == LaCode ? Districts[n % Districts.Length] : null,
                Urn = type is ProvisionType.Other or ProvisionType.EarlyYears ? null : (100_000 + n * 37).ToString(),
                DesignatedNeeds = [.. needs ?? []],
            };
            (p.AgeFrom, p.AgeTo) = ages ?? AgesFor(phase);
            list.Add(p);
            return p;
        }

        foreach (var s in SpecialSchools) Add(s.Name, s.Type, s.Phase, LaCode, s.Needs);
        string[] unitSchools = ["St Aldhelm's", "Northmoor", "Kingsford", "Eastbridge", "Harbour View", "Castle Mead", "Westcombe", "Southwold", "Greenacres", "Abbey Fields", "Priory", "Fairfield"];
        Need[] unitNeeds = [Need.ASD, Need.SLCN, Need.HI, Need.ASD, Need.SLCN, Need.ASD, Need.MLD, Need.ASD, Need.SPLD, Need.ASD, Need.VI, Need.SLCN];
        for (var i = 0; i < unitSchools.Length; i++)
            Add($"{unitSchools[i]} {(i % 2 == 0 ? "Primary School" : "Academy")} {unitNeeds[i]} Base", ProvisionType.ResourcedProvision,
                i % 2 == 0 ? Phase.Primary : Phase.Secondary, LaCode, [unitNeeds[i]]);
        string[] independents = ["Ashdown House School", "Bramley Court", "Calder Vale School", "Deerpark College", "Eden Grove", "Fernbrook School", "Glenside Academy",
            "Harewood Lodge", "Ivydene School", "Juniper House", "Kestrel School", "Linden Lodge School", "Millbrook Independent School", "Northcote School",
            "Orchard Hill School", "Pinewood School", "Quarry Bank School", "Rowan House", "Spring Meadow School", "Thornbury House", "Upton Grange",
            "Valley View School", "Woodlands Independent School", "Yew Tree School"];
        Need[] independentNeeds = [Need.ASD, Need.SEMH, Need.ASD, Need.SEMH, Need.ASD, Need.SLD, Need.SEMH, Need.ASD, Need.MSI, Need.SEMH, Need.ASD, Need.SLCN];
        for (var i = 0; i < independents.Length; i++)
            Add(independents[i], ProvisionType.IndependentSpecial, i % 3 == 0 ? Phase.AllThrough : Phase.Secondary,
                i < 5 ? LaCode : NeighbourLas[i % NeighbourLas.Length], [independentNeeds[i % independentNeeds.Length]]);
        string[] nonMaintained = ["Royal School for the Deaf, Exmoor", "St Mary's School for the Blind", "Hesley Non-Maintained School", "Chailey Heritage School", "Treloar School", "Dame Hannah Rogers School"];
        Need[] nmssNeeds = [Need.HI, Need.VI, Need.ASD, Need.PD, Need.PD, Need.PMLD];
        for (var i = 0; i < nonMaintained.Length; i++)
            Add(nonMaintained[i], ProvisionType.NonMaintainedSpecial, Phase.AllThrough, NeighbourLas[i % NeighbourLas.Length], [nmssNeeds[i]]);
        foreach (var college in new[] { "Wessex Vale College", "Kingsford College of Further Education", "Northmoor Sixth Form College" })
            Add(college, ProvisionType.FurtherEducation, Phase.Post16, LaCode, ages: (16, 25));
        Add("Coombe Farm Specialist College", ProvisionType.SpecialPost16, Phase.Post16, NeighbourLas[0], ages: (16, 25));
        Add("Bridge Independent Living Centre", ProvisionType.SpecialPost16, Phase.Post16, LaCode, ages: (16, 25));
        Add("Wessex Vale Pupil Referral Service", ProvisionType.PupilReferralUnit, Phase.AllThrough, LaCode);
        Add("Kingsford Alternative Provision Academy", ProvisionType.PupilReferralUnit, Phase.Secondary, LaCode);
        foreach (var nursery in new[] { "Little Acorns Nursery", "Rainbow Children's Centre", "Northmoor Early Years Hub" })
            Add(nursery, ProvisionType.EarlyYears, Phase.EarlyYears, LaCode);
        string[] towns = ["Abbotsford", "Barton", "Chalcombe", "Dunmere", "Easterby", "Foxley", "Grindle", "Hatherley", "Ixworth", "Jolliffe", "Kelby", "Lydford",
            "Marston", "Netherby", "Ockley", "Penhallow", "Quenby", "Redlynch", "Stourton", "Tarrant"];
        foreach (var town in towns)
        {
            Add($"{town} Primary School", ProvisionType.Mainstream, Phase.Primary, LaCode);
            Add($"{town} {(town.Length % 2 == 0 ? "Academy" : "Community College")}", ProvisionType.Mainstream, Phase.Secondary, LaCode);
        }
        Add("Education otherwise than at school (s61)", ProvisionType.Other, Phase.AllThrough, LaCode);
        return list;
    }

    private static (int, int) AgesFor(Phase phase) => phase switch
    {
        Phase.EarlyYears => (2, 5),
        Phase.Primary => (4, 11),
        Phase.Secondary => (11, 19),
        Phase.Post16 => (16, 25),
        _ => (4, 19),
    };

    // ---- Calendar ---------------------------------------------------------------------------------------------

    private IEnumerable<AcademicYear> CalendarYears() => Enumerable.Range(-3, 5).Select(k => new AcademicYear(_thisYear.StartYear + k));

    /// <summary>Six half-terms a year on the usual English pattern (about 190 school days).</summary>
    private IEnumerable<Term> Terms() => CalendarYears().SelectMany(y =>
    {
        var a = y.StartYear; var b = a + 1;
        return new[]
        {
            new Term(y, Weekday(new(a, 9, 2)), FridayBefore(new(a, 10, 24))),
            new Term(y, Monday(new(a, 11, 3)), FridayBefore(new(a, 12, 19))),
            new Term(y, Monday(new(b, 1, 5)), FridayBefore(new(b, 2, 13))),
            new Term(y, Monday(new(b, 2, 23)), FridayBefore(new(b, 3, 28))),
            new Term(y, Monday(new(b, 4, 13)), FridayBefore(new(b, 5, 22))),
            new Term(y, Monday(new(b, 6, 1)), FridayBefore(new(b, 7, 22))),
        };
    });

    private IEnumerable<SchoolClosure> Closures() => CalendarYears().SelectMany(y => new[]
    {
        new SchoolClosure(Weekday(new(y.StartYear, 9, 2)), "INSET day"),
        new SchoolClosure(Monday(new(y.StartYear + 1, 1, 5)), "INSET day"),
    });

    private static LocalDate Weekday(LocalDate d) => d.DayOfWeek switch { IsoDayOfWeek.Saturday => d.PlusDays(2), IsoDayOfWeek.Sunday => d.PlusDays(1), _ => d };
    private static LocalDate Monday(LocalDate d) => d.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));
    private static LocalDate FridayBefore(LocalDate d) => d.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Friday));

    // ---- Children and placements ------------------------------------------------------------------------------

    private static readonly (Need Need, int Weight)[] NeedMix =
        [(Need.ASD, 33), (Need.SEMH, 16), (Need.SLCN, 15), (Need.MLD, 9), (Need.SLD, 7), (Need.PMLD, 2), (Need.SPLD, 4), (Need.HI, 2), (Need.VI, 1), (Need.MSI, 1), (Need.PD, 4), (Need.OTH, 6)];

    private static readonly string[] GivenNames = ["Oliver", "Amelia", "George", "Isla", "Noah", "Ava", "Arthur", "Mia", "Leo", "Ivy", "Harry", "Freya", "Oscar", "Lily", "Archie", "Florence",
        "Henry", "Willow", "Theo", "Rosie", "Jack", "Sophia", "Alfie", "Evie", "Charlie", "Grace", "Finley", "Poppy", "Muhammad", "Aisha", "Kacper", "Zofia", "Ethan", "Ruby", "Riley", "Maya"];
    private static readonly string[] FamilyNames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker",
        "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan", "Hughes", "Lewis", "Edwards", "Nowak", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris"];

    private List<Child> ChildrenWithPlans()
    {
        var list = new List<Child>(Children);
        for (var i = 1; i <= Children; i++)
        {
            // Ages 3–22 on 31 August, weighted as EHC plans are: most in years 1–11, a tail to 25.
            var age = Pick([(3, 2), (4, 3), (5, 4), (6, 5), (7, 6), (8, 7), (9, 7), (10, 8), (11, 8), (12, 8), (13, 8), (14, 8), (15, 8), (16, 6), (17, 5), (18, 4), (19, 2), (20, 1), (21, 1)]);
            var born = new LocalDate(_thisYear.StartYear - age - 1, 9, 1).PlusDays(_random.Next(365));
            var child = new Child($"C{100000 + i}", Pick(GivenNames), Pick(FamilyNames), born, Pick(NeedMix), _random.Next(100) < 97 ? LaCode : Pick(NeighbourLas))
            {
                EhcPlanIssued = Max(born.PlusYears(3), today.PlusDays(-_random.Next(30, 365 * 8))),
            };
            if (child.ResidentLa == LaCode) child.District = Pick(Districts);
            child.LastAnnualReview = Max(child.EhcPlanIssued.Value, today.PlusDays(-_random.Next(0, 420)));
            list.Add(child);
        }
        return list;
    }

    private IEnumerable<Placement> PlacementsFor(Child child, List<Provider> providers)
    {
        var ageNow = Period.Between(child.DateOfBirth, _thisYear.Start.PlusDays(-1), PeriodUnits.Years).Years;
        var type = SettingFor(child.PrimaryNeed, ageNow);
        var provider = ProviderFor(type, child.PrimaryNeed, ageNow, providers);
        // Current placement: began at the start of this phase, a few years back, or mid-year for in-year moves.
        var yearsAgo = Math.Min(_random.Next(0, 4), Math.Max(0, ageNow - 4));
        var start = _random.Next(100) < 80 ? Weekday(new AcademicYear(_thisYear.StartYear - yearsAgo).Start.PlusDays(2)) : Weekday(today.PlusDays(-_random.Next(20, 400)));
        var placements = new List<Placement>();
        if (yearsAgo > 0 && _random.Next(100) < 45)
        {
            // History: the previous setting, ended at the summer before the move.
            var earlierType = ageNow > 11 ? ProvisionType.Mainstream : SettingFor(child.PrimaryNeed, Math.Max(4, ageNow - yearsAgo - 1));
            var earlier = ProviderFor(earlierType, child.PrimaryNeed, ageNow - yearsAgo, providers);
            var earlierStart = Weekday(start.PlusYears(-_random.Next(1, 4)));
            if (earlierStart > child.DateOfBirth.PlusYears(2) && earlier.Id != provider.Id)
                placements.Add(Ended(new Placement($"{child.Reference}-1", child.Id, earlier.Id, earlierStart, null, child.ResidentLa), start.PlusDays(-1), CeaseReason.MovedToAnotherSetting));
        }
        var current = new Placement($"{child.Reference}-{placements.Count + 1}", child.Id, provider.Id, start, null, child.ResidentLa)
        {
            Attendance = type is ProvisionType.IndependentSpecial or ProvisionType.NonMaintainedSpecial ? Pick([(Attendance.Day, 7), (Attendance.WeeklyBoarding, 2), (Attendance.Residential52, 1)]) : Attendance.Day,
            OutOfAreaReason = provider.LaCode == LaCode ? null : Pick([(OutOfAreaReason.NoLocalCapacity, 4), (OutOfAreaReason.SpecialistNeed, 3), (OutOfAreaReason.ParentalPreference, 2), (OutOfAreaReason.Other, 1)]),
        };
        var roll = _random.Next(100);
        if (roll < 2) { placements.Add(current); return placements; } // proposed: awaiting agreement
        current.Agree(providerHasVacancy: true, overrideReason: null);
        if (roll < 6 && start < today.PlusDays(-30)) current.EndOn(today.PlusDays(-_random.Next(1, 28)), Pick([CeaseReason.MovedToAnotherLa, CeaseReason.NeedsMetWithoutPlan, CeaseReason.NoLongerEngaging, CeaseReason.MovedToAnotherSetting]));
        placements.Add(current);
        return placements;
    }

    /// <summary>
    /// Leavers drawn from their own random sequence (so the current county stays as it was): most leave at the
    /// end of Year 11, 13 or 14, some move away or no longer need a plan part-way through a year.
    /// </summary>
    private List<(Child Child, Func<int, Placement> Placement)> Leavers(List<Provider> providers)
    {
        var random = new Random(2027);
        T Choose<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var local = providers.Where(p => p.LaCode == LaCode && p.ProvisionType is ProvisionType.MaintainedSpecial or ProvisionType.SpecialAcademy
            or ProvisionType.ResourcedProvision or ProvisionType.Mainstream or ProvisionType.FurtherEducation).ToList();
        var list = new List<(Child, Func<int, Placement>)>();
        for (var i = 1; i <= FormerChildren; i++)
        {
            var leftYear = new AcademicYear(_thisYear.StartYear - random.Next(1, 4));
            var leavingNcy = Choose([11, 11, 11, 13, 13, 14, 8, 5]);
            var born = new LocalDate(leftYear.StartYear - leavingNcy - 5, 9, 1).PlusDays(random.Next(365));
            var child = new Child($"C{100000 + Children + i}", Choose(GivenNames), Choose(FamilyNames), born, Choose(NeedMix.Select(n => n.Need).ToList()), LaCode)
            {
                District = Choose(Districts),
                EhcPlanIssued = born.PlusYears(6),
                LastAnnualReview = leftYear.Start.PlusDays(random.Next(30, 200)),
            };
            var age = leftYear.StartYear - born.Year - 1;
            var fitting = local.Where(p => p.AgeFrom is null || (p.AgeFrom <= age && age <= p.AgeTo)).ToList();
            var provider = Choose(fitting.Count > 0 ? fitting : local);
            var start = Weekday(new AcademicYear(leftYear.StartYear - random.Next(1, 4)).Start.PlusDays(2));
            var atTransition = leavingNcy is 11 or 13 or 14;
            var lastDay = atTransition ? leftYear.End.PlusDays(-40) : leftYear.Start.PlusDays(random.Next(60, 250));
            var reason = atTransition ? (leavingNcy == 11 ? CeaseReason.NeedsMetWithoutPlan : CeaseReason.EmploymentOrTraining) : CeaseReason.MovedToAnotherLa;
            list.Add((child, id => Ended(new Placement($"{child.Reference}-1", id, provider.Id, start, null, LaCode), lastDay, reason)));
        }
        return list;
    }

    private static Placement Ended(Placement p, LocalDate lastDay, CeaseReason reason)
    {
        p.Agree(providerHasVacancy: true, overrideReason: null);
        p.EndOn(lastDay, reason);
        return p;
    }

    private ProvisionType SettingFor(Need need, int age)
    {
        if (age < 4) return Pick([(ProvisionType.EarlyYears, 7), (ProvisionType.MaintainedSpecial, 3)]);
        if (age >= 16) return Pick([(ProvisionType.FurtherEducation, 45), (ProvisionType.SpecialPost16, 10), (ProvisionType.MaintainedSpecial, 20), (ProvisionType.SpecialAcademy, 5), (ProvisionType.IndependentSpecial, 10), (ProvisionType.Mainstream, 10)]);
        return need switch
        {
            Need.SLD or Need.PMLD or Need.MSI => Pick([(ProvisionType.MaintainedSpecial, 6), (ProvisionType.SpecialAcademy, 3), (ProvisionType.NonMaintainedSpecial, 1)]),
            Need.ASD => Pick([(ProvisionType.Mainstream, 35), (ProvisionType.MaintainedSpecial, 18), (ProvisionType.SpecialAcademy, 12), (ProvisionType.ResourcedProvision, 15), (ProvisionType.IndependentSpecial, 15), (ProvisionType.PupilReferralUnit, 5)]),
            Need.SEMH => Pick([(ProvisionType.Mainstream, 35), (ProvisionType.MaintainedSpecial, 15), (ProvisionType.SpecialAcademy, 5), (ProvisionType.IndependentSpecial, 25), (ProvisionType.PupilReferralUnit, 15), (ProvisionType.Other, 5)]),
            Need.SLCN or Need.HI or Need.VI => Pick([(ProvisionType.Mainstream, 50), (ProvisionType.ResourcedProvision, 30), (ProvisionType.MaintainedSpecial, 15), (ProvisionType.NonMaintainedSpecial, 5)]),
            Need.MLD => Pick([(ProvisionType.Mainstream, 50), (ProvisionType.MaintainedSpecial, 30), (ProvisionType.SpecialAcademy, 10), (ProvisionType.ResourcedProvision, 10)]),
            Need.SPLD => Pick([(ProvisionType.Mainstream, 85), (ProvisionType.ResourcedProvision, 10), (ProvisionType.IndependentSpecial, 5)]),
            Need.PD => Pick([(ProvisionType.Mainstream, 60), (ProvisionType.MaintainedSpecial, 30), (ProvisionType.NonMaintainedSpecial, 10)]),
            _ => Pick([(ProvisionType.Mainstream, 70), (ProvisionType.MaintainedSpecial, 30)]),
        };
    }

    private Provider ProviderFor(ProvisionType type, Need need, int age, List<Provider> providers)
    {
        var ofType = providers.Where(p => p.ProvisionType == type).ToList();
        // Prefer a setting for the child's age and need, then one for the age (as commissioners do when no designated place exists).
        var forAge = ofType.Where(p => p.AgeFrom is null || (p.AgeFrom <= age && age <= p.AgeTo)).ToList();
        var suitable = forAge.Where(p => p.DesignatedNeeds.Count == 0 || p.DesignatedNeeds.Contains(need)).ToList();
        return Pick(suitable.Count > 0 ? suitable : forAge.Count > 0 ? forAge : ofType);
    }

    private IEnumerable<CommissionedPlaces> Places(List<Provider> providers, List<Placement> placements, List<Child> children)
    {
        // Commissioned to roughly this year's roll: most schools have a few vacancies, some are full or over.
        var census = _thisYear.Start.PlusDays(35);
        foreach (var p in providers.Where(p => p.ProvisionType is ProvisionType.MaintainedSpecial or ProvisionType.SpecialAcademy or ProvisionType.ResourcedProvision or ProvisionType.PupilReferralUnit))
        {
            var onRoll = placements.Count(x => x.ProviderId == p.Id && x.Status != PlacementStatus.Proposed && x.Start <= census && (x.End is null || x.End >= census));
            var places = Math.Max(6, onRoll + _random.Next(-2, 6));
            foreach (var k in new[] { -1, 0, 1 })
                yield return new CommissionedPlaces(p.Id, new AcademicYear(_thisYear.StartYear + k), p.ProvisionType == ProvisionType.ResourcedProvision ? p.DesignatedNeeds[0] : null, places + k * _random.Next(0, 4));
        }
    }

    // ---- Money ------------------------------------------------------------------------------------------------

    private static readonly (ProvisionType Type, (string Band, decimal Amount2023)[] Bands)[] BandTable =
    [
        (ProvisionType.MaintainedSpecial, [("A", 11_412m), ("B", 12_950m), ("C", 14_480m), ("D", 16_020m), ("E", 17_556m)]),
        (ProvisionType.SpecialAcademy, [("A", 11_412m), ("B", 12_950m), ("C", 14_480m), ("D", 16_020m), ("E", 17_556m)]),
        (ProvisionType.ResourcedProvision, [("R1", 7_200m), ("R2", 9_400m), ("R3", 12_100m)]),
        (ProvisionType.Mainstream, [("M1", 1_600m), ("M2", 3_100m), ("M3", 4_500m)]),
        (ProvisionType.PupilReferralUnit, [("AP1", 8_500m), ("AP2", 12_000m)]),
        (ProvisionType.FurtherEducation, [("F1", 4_200m), ("F2", 7_800m), ("F3", 12_500m)]),
        (ProvisionType.SpecialPost16, [("S1", 18_000m), ("S2", 28_000m)]),
        (ProvisionType.EarlyYears, [("EY1", 3_500m), ("EY2", 6_000m)]),
        (ProvisionType.Other, [("O1", 9_000m)]),
    ];

    /// <summary>Band tables from 2023/24 (Devon's range) with a 3% uplift a year, rounded to the pound.</summary>
    private IEnumerable<TopUpBand> Bands()
    {
        var thisFy = FinancialYear.For(today);
        for (var fy = new FinancialYear(2023); fy <= thisFy.Next(); fy = fy.Next())
            foreach (var (type, bands) in BandTable)
                foreach (var (band, amount) in bands)
                    yield return new TopUpBand(type, band, fy, Money.FromPounds(decimal.Round(amount * Uplift(fy.StartYear - 2023), 0, MidpointRounding.AwayFromZero)));
    }

    private static decimal Uplift(int years) => years <= 0 ? 1m : 1.03m * Uplift(years - 1);

    private static IEnumerable<PlaceRate> PlaceRates()
    {
        var from = new LocalDate(2023, 4, 1);
        yield return new(ProvisionType.MaintainedSpecial, from, Money.FromPounds(10_000), null);
        yield return new(ProvisionType.SpecialAcademy, from, Money.FromPounds(10_000), null);
        yield return new(ProvisionType.NonMaintainedSpecial, from, Money.FromPounds(10_000), null);
        yield return new(ProvisionType.PupilReferralUnit, from, Money.FromPounds(10_000), null);
        yield return new(ProvisionType.ResourcedProvision, from, Money.FromPounds(6_000), Money.FromPounds(10_000));
        yield return new(ProvisionType.FurtherEducation, from, Money.FromPounds(6_000), null);
        yield return new(ProvisionType.Mainstream, from, Money.FromPounds(6_000), null);
    }

    private IEnumerable<PlacementFunding> FundingFor(Placement placement, Provider provider)
    {
        if (placement.Status == PlacementStatus.Proposed) yield break;
        if (provider.ProvisionType is ProvisionType.IndependentSpecial or ProvisionType.NonMaintainedSpecial)
        {
            // Independent schools charge the whole fee (average £63,000; 52-week places far more); NMSS top-up is the fee less £10,000 place funding.
            var fee = placement.Attendance switch { Attendance.Residential52 => _random.Next(140, 230), Attendance.WeeklyBoarding => _random.Next(80, 130), _ => _random.Next(42, 85) } * 1_000m;
            if (provider.ProvisionType == ProvisionType.NonMaintainedSpecial) fee -= 10_000m;
            yield return PlacementFunding.ByAgreedAmount(placement.Id, placement.Reference, placement.Start, Money.FromPounds(fee + _random.Next(0, 100) * 10m));
            yield break;
        }
        var bands = BandTable.FirstOrDefault(b => b.Type == provider.ProvisionType).Bands;
        if (bands is null) yield break;
        var index = _random.Next(bands.Length);
        yield return PlacementFunding.ByBand(placement.Id, placement.Reference, placement.Start, bands[index].Band);
        // Some placements were re-banded at an annual review.
        var review = placement.Start.PlusYears(1);
        if (index < bands.Length - 1 && _random.Next(100) < 12 && review < today && (placement.End is null || review <= placement.End))
            yield return PlacementFunding.ByBand(placement.Id, placement.Reference, review, bands[index + 1].Band);
    }

    private static IEnumerable<BudgetLine> Budget(FinancialYear year, decimal scale)
    {
        (string Line, decimal Pounds)[] lines =
        [
            ("1.0.2", 6_520_000m), ("1.2.1", 10_600_000m), ("1.2.2", 3_450_000m), ("1.2.3", 14_650_000m), ("1.2.4", 2_100_000m),
            ("1.2.5", 1_850_000m), ("1.2.6", 640_000m), ("1.2.7", 1_230_000m), ("1.2.8", 920_000m), ("1.2.10", 310_000m),
            ("1.2.11", 420_000m), ("1.2.13", 780_000m),
        ];
        return lines.Select(l => new BudgetLine(year, l.Line, Money.FromPounds(decimal.Round(l.Pounds * scale, 0))));
    }

    // ---- Random choices ---------------------------------------------------------------------------------------

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T Pick<T>((T Item, int Weight)[] weighted)
    {
        var roll = _random.Next(weighted.Sum(w => w.Weight));
        foreach (var (item, weight) in weighted)
            if ((roll -= weight) < 0) return item;
        return weighted[^1].Item;
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
