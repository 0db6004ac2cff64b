using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Web.Tests.Infrastructure;
using static Placements.Web.Tests.Infrastructure.GovUkHtml;

namespace Placements.Web.Tests.Invoices;

/// <summary>
/// The agreement pages and the invoice reports through the real app on the example county (<see cref="AgreementsApp"/>).
/// St Aldhelm's (PRV011, non-maintained special) has placement PL0006 (day, since 4 September 2025), on which an officer
/// records an agreement: £24,000 a year monthly in arrears with a £6,000 1:1 extra, so a whole month is expected at
/// (24,000 + 6,000) ÷ 12 = £2,500.00; then a fee change from 1 January of £175.52 × 195 days = £34,226.40 a year (domain.md's
/// "£175.57 × 195 = £34,226.40" does not multiply out: £175.57 × 195 is £34,236.15), so
/// January is 34,226.40 ÷ 12 + 500 = 2,852.20 + 500 = £3,352.20.
/// </summary>
public sealed class AgreementPagesTests(AgreementsApp app) : IClassFixture<AgreementsApp>
{
    [Fact]
    public async Task AnOfficerRecordsAnAgreement_AddsAnExtraAndAFeeChange_AndSeesTheExpectedAmounts()
    {
        var officer = await app.SignedInAsync("agreements.officer");
        const string page = "/Agreements/PL0006";
        var year = AcademicYear.For(app.Today);
        var september = year.Start;
        var january = year.Start.PlusMonths(4);

        var before = Decode(await officer.GetStringAsync(page));
        Assert.Contains("This placement has no agreement yet", before);
        Assert.DoesNotContain("Add a fee", before);

        var (terms, _) = await PostFormAsync(officer, page, page + "?handler=Terms", new()
        {
            ["Invoicing"] = "MonthlyInArrears", ["TermSplit"] = "SchoolDays", ["PayableDuringAbsence"] = "yes", ["NoticePeriod"] = "One term",
            ["FeeReviewDate.Day"] = "1", ["FeeReviewDate.Month"] = "4", ["FeeReviewDate.Year"] = Text(year.StartYear + 1),
            ["PaymentTermDays"] = "30", ["ContractReference"] = "NSCC-0006",
        });
        Assert.Equal(HttpStatusCode.Redirect, terms.StatusCode);
        Assert.Equal(page, terms.Headers.Location!.OriginalString);
        var (fee, _) = await PostFormAsync(officer, page, page + "?handler=Fee", new()
        {
            ["FeeBasis"] = "Annual", ["FeeAnnual"] = "24,000", ["FeeFrom.Day"] = "4", ["FeeFrom.Month"] = "9", ["FeeFrom.Year"] = "2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, fee.StatusCode);
        var (extra, _) = await PostFormAsync(officer, page, page + "?handler=Extra", new()
        {
            ["ExtraKind"] = "OneToOneSupport", ["ExtraDescription"] = "1:1 teaching assistant", ["ExtraAmount"] = "6000",
            ["ExtraFrom.Day"] = "4", ["ExtraFrom.Month"] = "9", ["ExtraFrom.Year"] = "2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, extra.StatusCode);

        var html = Decode(await officer.GetStringAsync(page));
        Assert.Contains("Extra \"1:1 teaching assistant\" of £6,000.00 a year saved.", html);
        Assert.Contains("Monthly in arrears", html);
        Assert.Contains("NSCC-0006", html);
        Assert.Equal("£2,500.00", Expected(html, september));
        Assert.Equal("£2,500.00", Expected(html, january));
        Assert.Equal(12, Regex.Matches(html, "data-period=").Count); // September to August

        var (change, _) = await PostFormAsync(officer, page, page + "?handler=Fee", new()
        {
            ["FeeBasis"] = "DailyRate", ["FeeDailyRate"] = "175.52", ["FeeDays"] = "195",
            ["FeeFrom.Day"] = "1", ["FeeFrom.Month"] = "1", ["FeeFrom.Year"] = Text(january.Year),
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        html = Decode(await officer.GetStringAsync(page));
        Assert.Contains("Daily rate £175.52 × 195 days", html);
        Assert.Contains("£34,226.40", html);
        Assert.Equal("£2,500.00", Expected(html, september));
        Assert.Equal("£3,352.20", Expected(html, january));

        var list = Decode(await officer.GetStringAsync("/Agreements"));
        var row = Regex.Match(list, "data-placement=\"PL0006\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Monthly in arrears", row);
        Assert.Contains("£6,000.00", row);
        Assert.DoesNotContain("No agreement", row);
        var without = Decode(await officer.GetStringAsync("/Agreements?Without=true"));
        Assert.DoesNotContain("data-placement=\"PL0006\"", without);
        Assert.Contains("data-placement=\"PL0020\"", without); // Hilltop House, weekly boarding: none recorded
        Assert.DoesNotContain("data-placement=\"PL0002\"", list); // a maintained special school is paid by the run
    }

    [Fact]
    public async Task BadForms_ShowEveryErrorInTheSummary_LinkedToItsField_AndSaveNothing()
    {
        var officer = await app.SignedInAsync("agreements.officer");
        const string page = "/Agreements/PL0018";

        var (blank, html) = await PostFormAsync(officer, page, page + "?handler=Terms", new()
        {
            ["PayableDuringAbsence"] = "yes", ["NoticePeriod"] = " ", ["PaymentTermDays"] = "thirty",
            ["FeeReviewDate.Day"] = "31", ["FeeReviewDate.Month"] = "2", ["FeeReviewDate.Year"] = "2027",
        });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal(
        [
            ("#Invoicing", "Choose how the provider invoices"),
            ("#NoticePeriod", "Enter the notice period, for example one term"),
            ("#FeeReviewDate-day", "The fee review date must be a real date"),
            ("#PaymentTermDays", "The payment term must be a whole number of days, like 30"),
        ], ErrorSummary(html));
        Assert.Contains("govuk-form-group--error", html);

        var (refused, refusedHtml) = await PostFormAsync(officer, page, page + "?handler=Terms", new()
        {
            ["Invoicing"] = "TermlyInAdvance", ["TermSplit"] = "EqualThirds", ["PayableDuringAbsence"] = "no", ["NoticePeriod"] = "One term",
            ["PaymentTermDays"] = "45",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal([("#PaymentTermDays", "The payment term must be between 1 and 30 days: valid invoices must be paid within 30 days (reg 113).")],
            ErrorSummary(refusedHtml));
        Assert.Contains("This placement has no agreement yet", Decode(await officer.GetStringAsync(page)));

        // A daily rate without its rate, and a date that is not one.
        var (badFee, feeHtml) = await PostFormAsync(officer, page, page + "?handler=Fee", new()
        {
            ["FeeBasis"] = "DailyRate", ["FeeDailyRate"] = "", ["FeeDays"] = "195", ["FeeFrom.Day"] = "1", ["FeeFrom.Month"] = "13", ["FeeFrom.Year"] = "2026",
        });
        Assert.Equal(HttpStatusCode.OK, badFee.StatusCode);
        Assert.Equal([("#FeeDailyRate", "Enter the daily rate"), ("#FeeFrom-day", "The date the fee applies from must be a real date")], ErrorSummary(feeHtml));

        // A placement at a school paid by the run has no agreement to record.
        var maintained = Decode(await officer.GetStringAsync("/Agreements/PL0002"));
        Assert.Contains("paid top-up by the monthly payment run", maintained);
        Assert.DoesNotContain("Record agreement", maintained);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/Agreements/PL9999", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task AgedInvoices_ShowWhatIsOwedByAge_AndDownloadAsCsv()
    {
        // Lantern (PRV013): £100.00 received 3 days ago (0–10), £1,234.56 received 35 days ago and approved (over 30).
        var officer = await app.SignedInAsync("agreements.officer");

        var html = Decode(await officer.GetStringAsync("/Invoices/Aged"));

        var row = Regex.Match(html, "data-provider=\"PRV013\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(("£100.00", "£0.00", "£0.00", "£1,234.56", "£1,334.56"),
            (Bucket(row, "0-10"), Bucket(row, "11-20"), Bucket(row, "21-30"), Bucket(row, "over-30"), Bucket(row, "total")));
        Assert.Contains("href=\"/Providers/PRV013/Statement\"", row);

        var csv = await officer.GetAsync("/Invoices/Aged?handler=Csv", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("provider_ref,provider_name,invoices,days_0_10,days_11_20,days_21_30,over_30_days,total", lines[0]);
        Assert.Contains("PRV013,Lantern Specialist College,2,100.00,0.00,0.00,1234.56,1334.56", lines);
    }

    [Fact]
    public async Task PaymentPerformance_ShowsReg113_TheTwoComplianceHalves_AndTheQuartersLargePayments()
    {
        // Last financial year: one invoice paid, 20 days late → 0 of 1 within 30 days; liable £225.05 + £100 = £325.05;
        // £34,226.40 paid in quarter 1 (April to June), so over £30,000.
        var officer = await app.SignedInAsync("agreements.officer");
        var year = app.LastYear;

        var html = Decode(await officer.GetStringAsync($"/Invoices/Performance?Year={year}&Quarter=1"));

        Assert.Contains($"Payment performance, {year}", html);
        Assert.Equal("1", TestId(html, "paid"));
        Assert.Equal("0 (0.0%)", TestId(html, "within"));
        Assert.Equal("£0.00", TestId(html, "interest-paid"));
        Assert.Equal("£325.05", TestId(html, "interest-liable"));
        Assert.Contains($"data-period-end=\"{year.StartYear}-09-30\"", html);
        Assert.Contains($"data-period-end=\"{year.StartYear + 1}-03-31\"", html);
        var large = Regex.Match(html, "data-testid=\"large-payments\"(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("LATE-1", large);
        Assert.Contains("£34,226.40", large);

        var csv = await officer.GetStringAsync($"/Invoices/Performance?handler=Csv&table=over30000&Year={year}&Quarter=1");
        Assert.Contains($",PRV013,Lantern Specialist College,LATE-1,34226.40", csv);
        var reg113 = await officer.GetStringAsync($"/Invoices/Performance?handler=Csv&table=reg113&Year={year}");
        Assert.Equal($"{year},1,0,0.0,0.00,325.05", reg113.Split("\r\n")[1]);
        Assert.Contains("Quarter 2", Decode(await officer.GetStringAsync($"/Invoices/Performance?Year={year}&Quarter=2")));
        Assert.Contains("No invoice over £30,000 was paid in the quarter.", Decode(await officer.GetStringAsync($"/Invoices/Performance?Year={year}&Quarter=2")));
    }

    [Fact]
    public async Task ProviderStatement_ShowsEachPlacementsFigures_ByInitials_AndTheInvoices()
    {
        // Last year at Lantern: PL0007 invoiced, approved and paid £34,226.40; no agreement, so agreed £0.00.
        var officer = await app.SignedInAsync("agreements.officer");

        var html = Decode(await officer.GetStringAsync($"/Providers/PRV013/Statement?Year={app.LastYear}"));

        var row = Regex.Match(html, "data-placement=\"PL0007\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(("£0.00", "£34,226.40", "£34,226.40", "£34,226.40", "£0.00"),
            (Figure(row, "agreed"), Figure(row, "invoiced"), Figure(row, "approved"), Figure(row, "paid"), Figure(row, "outstanding")));
        Assert.Matches(@"[A-Z]{2} \(C0006\)", row);
        Assert.Contains("data-invoice=\"LATE-1\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/Providers/NOPE/Statement", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static string Expected(string html, LocalDate periodStart) =>
        Regex.Match(html, $"data-period=\"{periodStart:yyyy-MM-dd}\">.*?data-testid=\"expected\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value.Trim();

    private static string Bucket(string row, string bucket) =>
        Regex.Replace(Regex.Match(row, $"data-bucket=\"{bucket}\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", "").Trim();

    private static string Figure(string row, string figure) =>
        Regex.Match(row, $"data-figure=\"{figure}\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value.Trim();

    private static string TestId(string html, string id) =>
        Regex.Replace(Regex.Match(html, $"data-testid=\"{id}\"[^>]*>(.*?)</(dd|strong|td|span|p)>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", "").Trim();

    /// <summary>Posts a form with the anti-forgery token of the page it is on.</summary>
    private static async Task<(HttpResponseMessage, string)> PostFormAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(page);
        var response = await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
        return (response, Decode(await response.Content.ReadAsStringAsync()));
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

}
