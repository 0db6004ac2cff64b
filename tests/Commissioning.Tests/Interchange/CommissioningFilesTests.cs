using System.Text;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Interchange;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Xunit;

namespace Placements.Commissioning.Tests.Interchange;

public class CommissioningFilesTests
{
    private static readonly LocalDate Today = new(2026, 11, 25);

    private const string Providers = """
        provider_ref,name,provision_type,la_code,phase
        PRV001,Brookfield School,MaintainedSpecial,990,AllThrough
        PRV002,Meadowview School,IndependentSpecial,991,Secondary
        """;

    private const string Children = """
        child_ref,given_name,family_name,date_of_birth,primary_need,resident_la
        C001,Amelia,Smith,2014-03-02,ASD,990
        C002,Oliver,Jones,2012-10-11,SEMH,990
        """;

    /// <summary>Reads CSV texts as the import reads files, then parses and validates them against <paramref name="existing"/>.</summary>
    private static (CommissioningFiles Files, List<string> Errors) Import(CommissioningState? existing, params (string File, string Text)[] files)
    {
        var errors = new ImportErrors();
        var tables = files.ToDictionary(
            f => f.File,
            f => CsvTable.Read(f.File, new MemoryStream(Encoding.UTF8.GetBytes(f.Text.ReplaceLineEndings("\n") + "\n")), CommissioningFiles.Columns[f.File], errors));
        var parsed = CommissioningFiles.Parse(tables, errors);
        parsed.Validate(existing ?? CommissioningState.Empty, Today, errors);
        return (parsed, errors.Sorted().Select(e => e.ToString()).ToList());
    }

    [Fact]
    public void AValidFolder_ParsesEveryRow_WithDefaultsForBlankOptionalValues()
    {
        var (files, errors) = Import(null, ("providers.csv", Providers), ("children.csv", Children), ("placements.csv", """
            placement_ref,child_ref,provider_ref,start_date,end_date,attendance,dual_registration,end_reason
            PL1,C001,PRV001,2024-09-04,2026-07-22,,,EmploymentOrTraining
            PL2,C002,PRV002,2025-09-03,,Residential52,false,
            """));

        Assert.Empty(errors);
        Assert.Equal(2, files.PlacementRows.Count);
        Assert.Equal(Attendance.Day, files.PlacementRows[0].Attendance);
        Assert.Equal(CeaseReason.EmploymentOrTraining, files.PlacementRows[0].EndReason);
        Assert.Equal(Attendance.Residential52, files.PlacementRows[1].Attendance);
        Assert.Null(files.PlacementRows[1].ResponsibleLa);
    }

    [Fact]
    public void AMalformedDate_IsReportedWithFileLineColumnAndTheValue()
    {
        var (_, errors) = Import(null, ("providers.csv", Providers), ("children.csv", Children), ("placements.csv", """
            placement_ref,child_ref,provider_ref,start_date
            PL1,C001,PRV001,2024-09-04
            PL2,C002,PRV001,2025-13-01
            """));

        Assert.Equal(["placements.csv:3: start_date: '2025-13-01' is not a date (YYYY-MM-DD)"], errors);
    }

    [Fact]
    public void EveryErrorOfEveryRow_IsListed_NotJustTheFirst()
    {
        var (_, errors) = Import(null, ("children.csv", """
            child_ref,given_name,family_name,date_of_birth,primary_need,resident_la,ehc_plan_issued
            C001,Amelia,Smith,2014-02-30,ASD,990,
            C002,Oliver,,2012-10-11,Dyslexia,990,yesterday
            C003,Isla,Taylor,2013-01-01,SLCN,,
            """));

        Assert.Equal(
        [
            "children.csv:2: date_of_birth: '2014-02-30' is not a date (YYYY-MM-DD)",
            "children.csv:3: family_name: a value is required",
            "children.csv:3: primary_need: 'Dyslexia' is not one of ASD, SEMH, SLCN, MLD, SLD, PMLD, SPLD, HI, VI, MSI, PD, OTH",
            "children.csv:3: ehc_plan_issued: 'yesterday' is not a date (YYYY-MM-DD)",
            "children.csv:4: resident_la: a value is required",
        ], errors);
    }

    [Fact]
    public void AnUnknownColumn_AndAMissingRequiredColumn_AreHeaderErrorsOnLineOne()
    {
        var (_, errors) = Import(null,
            ("providers.csv", "provider_ref,name,provision_type,la_code,phase,colour\nPRV001,Brookfield,MaintainedSpecial,990,Primary,blue"),
            ("children.csv", "child_ref,given_name,family_name,date_of_birth,primary_need\nC001,Amelia,Smith,2014-03-02,ASD"));

        Assert.Equal(2, errors.Count);
        Assert.Equal("children.csv:1: resident_la: required column is missing from the header", errors[0]);
        Assert.StartsWith("providers.csv:1: colour: unknown column; providers.csv has the columns provider_ref, name, provision_type, la_code, phase, urn?", errors[1]);
    }

    [Fact]
    public void HeaderNames_AreCaseInsensitiveInAnyOrder_AndAByteOrderMarkIsTolerated()
    {
        var (files, errors) = Import(null, ("providers.csv", "\uFEFFPhase,LA_Code,Provision_Type,Name,Provider_Ref\nPrimary,990,ResourcedProvision,Kingsford Base,PRV009"));

        Assert.Empty(errors);
        var row = Assert.Single(files.ProviderRows);
        Assert.Equal(("PRV009", ProvisionType.ResourcedProvision, Phase.Primary), (row.Reference, row.ProvisionType, row.Phase));
    }

    [Fact]
    public void AKeyRepeatedInOneFile_IsReportedOnTheLaterLine_WithTheFirst()
    {
        var (_, errors) = Import(null, ("providers.csv", Providers + "\nPRV001,Brookfield again,MaintainedSpecial,990,AllThrough"));

        Assert.Equal(["providers.csv:4: provider_ref: provider_ref 'PRV001' appears again (first on line 2); each key may appear once per file"], errors);
    }

    [Fact]
    public void ReferencesThatResolveNeitherInTheFolderNorTheDatabase_AreErrors()
    {
        var inDatabase = CommissioningState.Of([new Provider("PRV100", "Hollybank", ProvisionType.MaintainedSpecial, "990", Phase.Primary)], [], []);

        var (_, errors) = Import(inDatabase, ("providers.csv", Providers), ("children.csv", Children),
            ("placements.csv", """
                placement_ref,child_ref,provider_ref,start_date
                PL1,C001,PRV100,2024-09-04
                PL2,C404,PRV404,2024-09-04
                """),
            ("places.csv", "provider_ref,academic_year,places\nPRV001,2026/27,150\nPRV999,2026/27,10"));

        Assert.Equal(
        [
            "placements.csv:3: child_ref: 'C404' is not in children.csv or the database",
            "placements.csv:3: provider_ref: 'PRV404' is not in providers.csv or the database",
            "places.csv:3: provider_ref: 'PRV999' is not in providers.csv or the database",
        ], errors);
    }

    [Fact]
    public void APlacementEndingBeforeItStarts_BreaksTheNamedRule()
    {
        var (_, errors) = Import(null, ("providers.csv", Providers), ("children.csv", Children), ("placements.csv", """
            placement_ref,child_ref,provider_ref,start_date,end_date
            PL1,C001,PRV001,2025-09-03,2025-07-20
            """));

        Assert.Equal(["placements.csv:2: end_date: the end date 2025-07-20 is before the start date 2025-09-03 (PlacementMustNotEndBeforeItStarts)"], errors);
    }

    [Fact]
    public void OverlappingPlacementsOfOneChildInTheFile_AreReportedOnceOnTheLaterLine()
    {
        var (_, errors) = Import(null, ("providers.csv", Providers), ("children.csv", Children), ("placements.csv", """
            placement_ref,child_ref,provider_ref,start_date,end_date
            PL1,C001,PRV001,2024-09-04,
            PL2,C002,PRV001,2024-09-04,
            PL3,C001,PRV002,2025-09-03,2026-07-22
            """));

        Assert.Equal(["placements.csv:4: start_date: Placement PL3 overlaps placement PL1 (2024-09-04 to open) for the same child; mark one as dual registration if both are intended. (PlacementsMustNotOverlap)"], errors);
    }

    [Fact]
    public void APlacementOverlappingOneInTheDatabase_IsAnError_UnlessEitherIsADualRegistration()
    {
        var child = new Child("C001", "Amelia", "Smith", new LocalDate(2014, 3, 2), Need.ASD, "990");
        var existing = new Placement("PL9", child.Id, 0, new LocalDate(2023, 9, 5), null, "990");
        existing.RecordAsExisting(Today, null);
        var state = CommissioningState.Of([], [child], [existing]);

        var (_, clash) = Import(state, ("providers.csv", Providers), ("placements.csv", "placement_ref,child_ref,provider_ref,start_date\nPL1,C001,PRV001,2025-09-03"));
        var (_, dual) = Import(state, ("providers.csv", Providers), ("placements.csv", "placement_ref,child_ref,provider_ref,start_date,dual_registration\nPL1,C001,PRV001,2025-09-03,true"));
        // The file's row replaces the database's placement of the same reference: ending PL9 first removes the clash.
        var (_, ended) = Import(state, ("providers.csv", Providers), ("placements.csv", """
            placement_ref,child_ref,provider_ref,start_date,end_date
            PL9,C001,PRV002,2023-09-05,2025-07-22
            PL1,C001,PRV001,2025-09-03,
            """));

        Assert.Equal(["placements.csv:2: start_date: Placement PL1 overlaps placement PL9 (2023-09-05 to open) for the same child; mark one as dual registration if both are intended. (PlacementsMustNotOverlap)"], clash);
        Assert.Empty(dual);
        Assert.Empty(ended);
    }

    [Fact]
    public void MalformedValuesOfEachKind_AreNamed()
    {
        var (_, errors) = Import(null,
            ("providers.csv", Providers + "\nPRV003,Kingsford,Academy,990,Primary"),
            ("places.csv", "provider_ref,academic_year,need,places\nPRV001,2026-27,,150\nPRV001,2027/28,ASD,-4\nPRV001,2028/29,,ten"),
            ("placements.csv", "placement_ref,child_ref,provider_ref,start_date,dual_registration,end_reason\nPL1,C001,PRV001,2024-09-04,yes,Graduated"),
            ("children.csv", Children));

        Assert.Equal(
        [
            "placements.csv:2: dual_registration: 'yes' is not true or false",
            "placements.csv:2: end_reason: 'Graduated' is not one of MovedToAnotherSetting, MovedToAnotherLa, NeedsMetWithoutPlan, HigherEducation, EmploymentOrTraining, NoLongerEngaging, ReachedAge25, Deceased, NotRecorded, Other",
            "places.csv:2: academic_year: '2026-27' is not an academic year (YYYY/YY, e.g. 2025/26)",
            "places.csv:3: places: '-4' must not be negative",
            "places.csv:4: places: 'ten' is not a whole number",
            "providers.csv:4: provision_type: 'Academy' is not one of MaintainedSpecial, SpecialAcademy, NonMaintainedSpecial, IndependentSpecial, ResourcedProvision, Mainstream, PupilReferralUnit, FurtherEducation, SpecialPost16, EarlyYears, Other",
        ], errors);
    }

    [Fact]
    public void TermsAndClosures_KeepTheirRules()
    {
        var (files, errors) = Import(null,
            ("term_dates.csv", "academic_year,start,end\n2025/26,2025-09-03,2025-10-24\n2025/26,2025-11-03,2025-11-01\n2026/27,2025-11-03,2025-12-19"),
            ("school_closures.csv", "date,reason\n2025-09-03,INSET day\n2025-09-06,Fete\n2025-09-08,"));

        Assert.Equal(
        [
            "school_closures.csv:3: date: 2025-09-06 is a Saturday; a closure is a weekday that would otherwise be a school day",
            "school_closures.csv:4: reason: a value is required",
            "term_dates.csv:3: end: A term cannot end (1 November 2025) before it starts (3 November 2025). (TermMustStartOnOrBeforeItsEnd)",
            "term_dates.csv:4: start: The term 3 November 2025 to 19 December 2025 is not inside academic year 2026/27 (1 September 2026 to 31 August 2027). (TermMustLieInsideItsAcademicYear)",
        ], errors);
        Assert.Single(files.TermRows);
        Assert.Single(files.ClosureRows);
    }

    [Fact]
    public void ARowWithMoreValuesThanTheHeader_AndAnUnclosedQuote_AreErrors()
    {
        var (_, errors) = Import(null, ("children.csv", Children + "\nC003,Isla,Taylor,2013-01-01,SLCN,990,extra\nC004,\"Jack,Hall,2013-01-01,SLCN,990"));

        Assert.Equal(
        [
            "children.csv:4: (file): the row has 7 values but the header names 6 columns",
            "children.csv:5: (file): the file is not valid CSV here (a quote is not closed or out of place); nothing after this line was read",
        ], errors);
    }
}
