using NodaTime;
using Placements.Finance;
using Placements.Finance.PooledFunding;
using Placements.Web.Reports.Pdf;
using UglyToad.PdfPig;

namespace Placements.Web.Tests.PanelDocs;

/// <summary>
/// The panel's documents read back as a recipient's software reads them (PdfPig), built from a real panel year
/// (<see cref="PanelScenario"/>): the decision letters (the first approval, the superseding change, the decline), the
/// meeting's minutes and November's recharge statement. No child's name appears in any of them.
/// </summary>
public sealed class PanelDocumentsPdfTests : IAsyncLifetime
{
    private const string CouncilName = "Wessex Vale Council";
    private PanelScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await PanelScenario.CreateAsync();

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i].Text, StringComparison.Ordinal);
        return string.Join("\n", pages.Select(p => p.Text));
    }

    /// <summary>Whether the text holds <paramref name="expected"/>, whitespace aside (a sentence may wrap across lines).</summary>
    private static void Has(string text, string expected) =>
        Assert.True(Squashed(text).Contains(Squashed(expected), StringComparison.Ordinal), $"Expected \"{expected}\" in:\n{text}");

    private static void HasNot(string text, string unexpected) =>
        Assert.False(Squashed(text).Contains(Squashed(unexpected), StringComparison.Ordinal), $"Did not expect \"{unexpected}\" in:\n{text}");

    private static string Squashed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void NoChildNames(string text)
    {
        foreach (var name in PanelScenario.ChildNames) Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DecisionLetter_GivesTheOutcome_Reasons_Dates_AndEachPartnersShare_ByInitialsOnly()
    {
        var (referral, decisions, meeting) = await _scenario.CaseAsync(_scenario.Approved);
        var letter = new PanelLetter(CouncilName, referral, decisions[0], meeting);

        var text = Text(PanelDocumentsPdf.DecisionLetter(letter));

        Has(text, "Joint Resources Panel decision");
        Has(text, CouncilName);
        Has(text, "20 August 2026"); // the letter's date and the meeting's
        Has(text, "the family of child AB (reference CH-1) and provider ACAD");
        Has(text, $"{referral.PlacementReference} at provider ACAD");
        Has(text, "Approved: the panel approved the placement.");
        Has(text, "Needs cannot be met locally.");
        Has(text, "1 September 2026");
        Has(text, "1 March 2027");
        Has(text, "Whole annual cost: £60,000.00 a year");
        Has(text, "Health (ICB) 30% £18,000.00 a year of £60,000.00.");
        Has(text, "Social care 20% £12,000.00 a year of £60,000.00.");
        Has(text, "£30,000.00 a year");
        Has(text, "the new decision replaces this one from the date it takes effect");
        NoChildNames(text);
        Assert.Equal($"panel-decision-{referral.Reference}-2026-09-01.pdf", PanelDocumentsPdf.DecisionLetterFileName(letter));
    }

    [Fact]
    public async Task DecisionLetter_OfASupersedingDecision_SaysItReplacesTheEarlierOneFromItsDate()
    {
        var (referral, decisions, _) = await _scenario.CaseAsync(_scenario.Approved);
        var letter = new PanelLetter(CouncilName, referral, decisions[1], null);

        var text = Text(PanelDocumentsPdf.DecisionLetter(letter));

        Has(text, "Approved: the panel changed the funding of the placement.");
        Has(text, "Takes effect from");
        Has(text, "This decision replaces the panel's earlier decision on this case from 16 October 2026.");
        Has(text, "The earlier decision applies up to 15 October 2026");
        Has(text, "Social care 30% £18,000.00 a year of £60,000.00.");
        Has(text, "Social care's share rises.");
        NoChildNames(text);
        Assert.Equal($"panel-decision-{referral.Reference}-2026-10-16.pdf", PanelDocumentsPdf.DecisionLetterFileName(letter));
    }

    [Fact]
    public async Task DecisionLetter_OfADecline_SaysSoPlainly_WithNoSplit()
    {
        var (referral, decisions, meeting) = await _scenario.CaseAsync(_scenario.Declined);

        var text = Text(PanelDocumentsPdf.DecisionLetter(new PanelLetter(CouncilName, referral, decisions.Single(), meeting)));

        Has(text, "Declined: the panel did not approve the placement.");
        Has(text, "Needs can be met at a local special school with outreach.");
        HasNot(text, "Whole annual cost");
        Has(text, "child CD (reference CH-3)");
        NoChildNames(text);
    }

    [Fact]
    public async Task Minutes_GiveTheMeeting_MembersByPartner_AndEachCaseWithItsCostAndDecision()
    {
        var agenda = await _scenario.ReadAsync(q => q.MeetingAsync(_scenario.MeetingId));
        var minutes = new PanelMinutes(CouncilName, agenda!);

        var text = Text(PanelDocumentsPdf.Minutes(minutes));

        Has(text, "Joint Resources Panel minutes");
        Has(text, "20 August 2026");
        Has(text, "Civic Centre");
        foreach (var member in new[] { "Jo Head", "Sam Nurse", "Lee Social", "Head of SEND", "ICB continuing care" }) Has(text, member);
        Has(text, "Cases (2)");
        Has(text, $"{_scenario.Approved}: child AB (CH-1)");
        Has(text, $"{_scenario.Declined}: child CD (CH-3)");
        Has(text, "£60,000.00 a year: education £30,000.00, care £20,000.00, health £10,000.00");
        Has(text, "health (ICB) and social care");
        Has(text, "Approved: the panel approved the placement.");
        Has(text, "Declined: the panel did not approve the placement.");
        Has(text, "from 1 September 2026, review by 1 March 2027");
        Has(text, "Health (ICB) 30% £18,000.00 a year of £60,000.00.");
        // The change of 16 October was decided outside the meeting: not in its minutes.
        HasNot(text, "Social care's share rises.");
        NoChildNames(text);
        Assert.Equal("panel-minutes-2026-08-20.pdf", PanelDocumentsPdf.MinutesFileName(minutes));
    }

    [Fact]
    public async Task RechargeStatement_ListsEachShare_WithTheTotal_Received_AndOutstanding()
    {
        var statements = await _scenario.RechargeNovemberAsync();
        var health = await _scenario.ReadAsync(q => q.StatementAsync(statements.Single(s => s.Partner == Partner.Health).Id));
        var document = new RechargeStatementDocument(CouncilName, health!);

        var text = Text(PanelDocumentsPdf.RechargeStatement(document));

        Has(text, "Recharge statement");
        Has(text, "Health: the NHS integrated care board (continuing care)");
        Has(text, "RCH-HEALTH-2026-11");
        Has(text, "1 November 2026 to 30 November 2026");
        Has(text, "1 January 2027"); // due 30 days after 2 December
        Has(text, "top-up October 2026");
        // 1–15 October at 30% of £2,419.36 and 16–31 October at 30% of £2,580.64.
        Has(text, "1 Oct 2026 – 15 Oct 2026");
        Has(text, "£2,419.36");
        Has(text, "£725.81");
        Has(text, "£774.19");
        Has(text, "AB");
        Has(text, "Total£1,500.00");
        Has(text, "Received£1,000.00");
        Has(text, "Outstanding£500.00");
        Has(text, "Please pay £500.00 by 1 January 2027 quoting RCH-HEALTH-2026-11.");
        NoChildNames(text);
        Assert.Equal("recharge-RCH-HEALTH-2026-11.pdf", PanelDocumentsPdf.RechargeStatementFileName(document));

        var social = await _scenario.ReadAsync(q => q.StatementAsync(statements.Single(s => s.Partner == Partner.SocialCare).Id));
        var socialText = Text(PanelDocumentsPdf.RechargeStatement(new RechargeStatementDocument(CouncilName, social!)));
        Has(socialText, "Total£1,258.06");
        Has(socialText, "Outstanding£1,258.06");
    }

    [Fact]
    public void ALongStatement_RunsOverPages_EachNumbered_WithTheTableHeaderRepeated()
    {
        var lines = Enumerable.Range(1, 90).Select(i => new RechargeLine(i, $"PL-{i}", "XY", $"top-up October 2026", new DateInterval(new LocalDate(2026, 10, 1),
            new LocalDate(2026, 10, 31)), Money.FromPounds(1_000m), "30%", Money.FromPounds(300m), "1.2.3")).ToList();
        var statement = new RechargeStatement(Partner.Health, new DateInterval(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)), "finance.officer",
            Instant.FromUtc(2026, 12, 2, 9, 0), new LocalDate(2027, 1, 1), lines);

        using var pdf = PdfDocument.Open(PanelDocumentsPdf.RechargeStatement(new RechargeStatementDocument(CouncilName, statement)));

        Assert.True(pdf.NumberOfPages > 1, $"{pdf.NumberOfPages} page(s)");
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains($"Page {page.Number} of {pdf.NumberOfPages}", page.Text, StringComparison.Ordinal);
            Assert.Contains("Placement", page.Text, StringComparison.Ordinal);
        }
        var all = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Equal(90, System.Text.RegularExpressions.Regex.Matches(all, @"PL-\d+").Count);
        Has(all, "Total£27,000.00");
    }
}
