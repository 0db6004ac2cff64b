using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Planning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Web.Demo;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>The planning dashboard through the real app on the demo county: the figures are the engine's, from the database.</summary>
public sealed class PlanningPageTests(SqliteApp app)
{
    private static readonly AcademicYear LastYear = AcademicYear.For(LocalDate.FromDateTime(DateTime.Today)).Previous();

    private static string On(LocalDate date) => $"On.Day={date.Day}&On.Month={date.Month}&On.Year={date.Year}";

    private async Task<SufficiencyTable> ExpectedTableAsync(LocalDate date)
    {
        using var scope = app.Services.CreateScope();
        var data = await new PlanningDataQuery(scope.ServiceProvider.GetRequiredService<CommissioningDb>()).LoadAsync(DemoCounty.LaCode);
        return SufficiencyTable.For(data, AcademicYear.For(date), date);
    }

    [Fact]
    public async Task TheSufficiencyTotals_AreThoseOfTheEngineOnTheChosenDate()
    {
        var date = CensusDate.For(LastYear);
        var client = await app.SignedInAsync("commissioner");

        var html = await client.GetStringAsync($"/Planning?ay={LastYear}&{On(date)}");

        var expected = await ExpectedTableAsync(date);
        Assert.True(expected.GrandTotal.Places > 0);
        Assert.Contains($"data-total=\"places\">{expected.GrandTotal.Places:N0}<", html);
        Assert.Contains($"data-total=\"filled\">{expected.GrandTotal.Filled:N0}<", html);
        Assert.Contains($"data-total=\"outside\">{expected.GrandTotal.PlacedOutside:N0}<", html);
        Assert.Contains($"data-total=\"no-local-capacity\">{expected.GrandTotal.OutsideForNoLocalCapacity:N0}<", html);
    }

    [Fact]
    public async Task TheProjection_ShowsEachYearAhead_WithItsAssumptionsAndMeasuredRates()
    {
        var client = await app.SignedInAsync("commissioner");

        var html = await client.GetStringAsync($"/Planning?ay={LastYear}&YearsAhead=4");

        for (var k = 0; k <= 4; k++)
            Assert.Contains($"data-year=\"{new AcademicYear(LastYear.StartYear + k)}\"", html);
        Assert.Contains("data-testid=\"assumptions\"", html);
        Assert.Contains("Joiners each year are the average yearly number measured", html);
        Assert.Contains("data-testid=\"leaving-rates\"", html);
        Assert.Contains("id=\"planning-chart-data\"", html);
    }

    [Fact]
    public async Task TheSufficiencyCsv_HasARowForEveryRowOfTheTable()
    {
        var date = CensusDate.For(LastYear);
        var client = await app.SignedInAsync("commissioner");

        var response = await client.GetAsync($"/Planning?handler=Csv&table=sufficiency&ay={LastYear}&{On(date)}");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = await ExpectedTableAsync(date);
        Assert.StartsWith("academic_year,date,need,phase,district,places,filled,vacant", lines[0]);
        Assert.Equal(expected.Rows.Count, lines.Length - 1);
        Assert.Equal(expected.GrandTotal.Places, lines.Skip(1).Sum(l => int.Parse(l.Split(',')[5])));
    }

    [Fact]
    public async Task TheExcelWorkbook_HoldsBothTablesAndTheMethod()
    {
        var client = await app.SignedInAsync("commissioner");

        var bytes = await client.GetByteArrayAsync($"/Planning?handler=Excel&ay={LastYear}");

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Sufficiency", "Projection", "Method and assumptions"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var projection = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Projection").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(projection, row => (string)row["academic_year"] == new AcademicYear(LastYear.StartYear + 3).ToString());
    }

    [Fact]
    public async Task ADateOutsideTheYear_IsShownAsAnError_AsTyped_AndTheCensusDateIsUsed()
    {
        var client = await app.SignedInAsync("commissioner");

        var response = await client.GetAsync($"/Planning?ay={LastYear}&{On(new LocalDate(1999, 1, 1))}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains($"The date must be inside the academic year {LastYear}", html);
        Assert.Contains("href=\"#On-day\"", html);
        Assert.Contains("name=\"On.Year\" type=\"text\" inputmode=\"numeric\" value=\"1999\"", html);
        Assert.Contains($"Sufficiency in {LastYear} on {CensusDate.For(LastYear):d MMMM yyyy}", html);
    }

    [Fact]
    public async Task AFinanceOfficer_IsDeniedThePlanningPage()
    {
        var client = await app.SignedInAsync("finance.officer");

        var response = await client.GetAsync("/Planning");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }
}
