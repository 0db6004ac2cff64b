using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using NodaTime.Testing;
using Placements.Accounts;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Funding;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>The three databases: model and migrations in step, values round-trip alike, every change audited.</summary>
public sealed class PersistenceTests
{
    private sealed class Actor(string name) : IAuditActor
    {
        public string Name => name;
    }

    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 9, 30);

    private static (CommissioningDb, FinanceDb, AccountsDb) Contexts(DatabaseSettings settings, string actor = "test.user")
    {
        var interceptor = new AuditInterceptor(new FakeClock(Now), new Actor(actor));
        T Make<T>(string history, Func<DbContextOptions<T>, T> create) where T : DbContext
        {
            var options = new DbContextOptionsBuilder<T>();
            settings.Configure(options, history);
            options.AddInterceptors(interceptor);
            return create(options.Options);
        }
        return (Make<CommissioningDb>(CommissioningDb.MigrationsHistoryTable, o => new CommissioningDb(o)),
                Make<FinanceDb>(FinanceDb.MigrationsHistoryTable, o => new FinanceDb(o)),
                Make<AccountsDb>(AccountsDb.MigrationsHistoryTable, o => new AccountsDb(o)));
    }

    private static readonly Dictionary<DatabaseProvider, string> NeverOpened = new()
    {
        [DatabaseProvider.Sqlite] = "Data Source=never-opened.db",
        [DatabaseProvider.Postgres] = "Host=localhost;Database=never_opened",
        [DatabaseProvider.SqlServer] = "Server=localhost;Database=never_opened",
    };

    private static DatabaseSettings Fresh(DatabaseProvider provider) => new(provider, TestDatabases.Create(provider));

    private static async Task MigrateAsync(DbContext[] contexts)
    {
        foreach (var context in contexts) await context.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void TheModel_HasNoChangesMissingAMigration(DatabaseProvider provider)
    {
        // Comparing the model with the migrations' snapshot never opens a connection.
        var (commissioning, finance, accounts) = Contexts(new DatabaseSettings(provider, NeverOpened[provider]));

        Assert.False(commissioning.Database.HasPendingModelChanges(), $"CommissioningDb on {provider} needs a migration: run db/add-migration.sh");
        Assert.False(finance.Database.HasPendingModelChanges(), $"FinanceDb on {provider} needs a migration: run db/add-migration.sh");
        Assert.False(accounts.Database.HasPendingModelChanges(), $"AccountsDb on {provider} needs a migration: run db/add-migration.sh");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrations_ApplyCleanlyToAnEmptyDatabase(DatabaseProvider provider)
    {
        var (commissioning, finance, accounts) = Contexts(Fresh(provider));

        await MigrateAsync([commissioning, finance, accounts]);

        foreach (var db in new DbContext[] { commissioning, finance, accounts })
        {
            Assert.NotEmpty(db.Database.GetMigrations());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        }
        Assert.Equal(0, await finance.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RechargedMonths_AreFilledIn_ForStatementsPreparedBeforeTheyWereKept(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (commissioning, finance, _) = Contexts(Fresh(provider));
        await commissioning.Database.MigrateAsync(ct);
        await finance.GetService<IMigrator>().MigrateAsync("AddPaymentLineServiceDays", ct);
        // A quarterly statement for health (October–December) and a monthly one for social care (November), as written before.
        foreach (var (partner, start, end) in new[] { ("Health", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), ("SocialCare", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)) })
        {
            var (preparedAt, due) = (new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc), end.AddDays(34));
            await finance.Database.ExecuteSqlAsync($"""
                INSERT INTO "RechargeStatements" ("Partner", "PeriodStart", "PeriodEnd", "PreparedBy", "PreparedAt", "DueDate", "Total")
                VALUES ({partner}, {start}, {end}, {"finance.officer"}, {preparedAt}, {due}, {0L})
                """, ct);
        }

        await finance.Database.MigrateAsync(ct);

        var months = (await finance.RechargedMonths.AsNoTracking().ToListAsync(ct))
            .Select(m => $"{m.Partner} {m.MonthStart:yyyy-MM-dd}").Order(StringComparer.Ordinal);
        Assert.Equal(["Health 2026-10-01", "Health 2026-11-01", "Health 2026-12-01", "SocialCare 2026-11-01"], months);
    }

    [Fact]
    public void SqlServer_IdempotentScript_IsGeneratedForEveryContext()
    {
        var (commissioning, finance, accounts) = Contexts(new DatabaseSettings(DatabaseProvider.SqlServer, NeverOpened[DatabaseProvider.SqlServer]));

        foreach (var (db, table) in new (DbContext, string)[] { (commissioning, "[Placements]"), (finance, "[BudgetLines]"), (accounts, "[AspNetUsers]") })
        {
            var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
            Assert.Contains("IF NOT EXISTS", script);
            Assert.Contains($"CREATE TABLE {table}", script);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DatesMoneyAndYears_ReadBackExactly(DatabaseProvider provider)
    {
        var settings = Fresh(provider);
        var (commissioning, finance, accounts) = Contexts(settings);
        await MigrateAsync([commissioning, finance, accounts]);
        var ct = TestContext.Current.CancellationToken;

        finance.PlaceRates.Add(new PlaceRate(ProvisionType.ResourcedProvision, new LocalDate(2025, 4, 1), Money.FromPence(600_000), Money.FromPence(1_000_000)));
        finance.PlaceRates.Add(new PlaceRate(ProvisionType.MaintainedSpecial, new LocalDate(2024, 2, 29), Money.FromPence(999_999_999_999_99), null));
        finance.BudgetLines.Add(new BudgetLine(new FinancialYear(2025), "1.2.3", Money.FromPence(-1)));
        await finance.SaveChangesAsync(ct);

        var (_, reread, _) = Contexts(settings);
        var rates = await reread.PlaceRates.OrderBy(r => r.EffectiveFrom).ToListAsync(ct);
        Assert.Equal(new LocalDate(2024, 2, 29), rates[0].EffectiveFrom);
        Assert.Equal(Money.FromPence(999_999_999_999_99), rates[0].OccupiedRate);
        Assert.Null(rates[0].UnoccupiedRate);
        Assert.Equal(ProvisionType.ResourcedProvision, rates[1].ProvisionType);
        Assert.Equal(Money.FromPence(1_000_000), rates[1].UnoccupiedRate);
        var line = await reread.BudgetLines.SingleAsync(b => b.FinancialYear == new FinancialYear(2025), ct);
        Assert.Equal(Money.FromPence(-1), line.Amount);
        // Dates compare as dates in SQL, on every provider.
        Assert.Equal(1, await reread.PlaceRates.CountAsync(r => r.EffectiveFrom > new LocalDate(2024, 12, 31), ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EveryChange_WritesAnAuditRow_WithWhoWhenAndBeforeAfter(DatabaseProvider provider)
    {
        var settings = Fresh(provider);
        var (commissioning, finance, accounts) = Contexts(settings, actor: "jo.bloggs");
        await MigrateAsync([commissioning, finance, accounts]);
        var ct = TestContext.Current.CancellationToken;

        var school = new Provider("PRV900", "Brookfield School", ProvisionType.MaintainedSpecial, "990", Phase.AllThrough);
        commissioning.Providers.Add(school);
        await commissioning.SaveChangesAsync(ct);
        school.Name = "Brookfield Academy";
        await commissioning.SaveChangesAsync(ct);
        finance.TopUpBands.Add(new TopUpBand(ProvisionType.MaintainedSpecial, "A", new FinancialYear(2026), Money.FromPounds(12_107m)));
        await finance.SaveChangesAsync(ct);

        var trail = await commissioning.AuditEntries.OrderBy(a => a.Id).ToListAsync(ct);
        Assert.Equal(["Created", "Changed", "Created"], trail.Select(a => a.Action));
        Assert.All(trail, a => Assert.Equal("jo.bloggs", a.Actor));
        Assert.All(trail, a => Assert.Equal(Now, a.At));
        Assert.Equal("PRV900", trail[1].EntityKey);
        Assert.Equal("{\"Name\":\"Brookfield School\"}", trail[1].Before);
        Assert.Equal("{\"Name\":\"Brookfield Academy\"}", trail[1].After);
        Assert.Equal("TopUpBand", trail[2].EntityType);
        Assert.Contains("\"AnnualAmount\":\"\\u00A312,107.00\"", trail[2].After);
    }
}
