using System.Reflection;

namespace Placements.Architecture.Tests;

/// <summary>Dependencies point one way: Web → Finance → Commissioning (architecture.md).</summary>
public sealed class DependencyTests
{
    private static readonly Assembly Commissioning = typeof(Placements.Commissioning.DomainRuleException).Assembly;
    private static readonly Assembly Finance = typeof(Placements.Finance.Money).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    private static IEnumerable<string> References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);

    [Fact]
    public void Commissioning_ReferencesNeitherFinanceNorWebNorAccounts()
    {
        Assert.DoesNotContain("Placements.Finance", References(Commissioning));
        Assert.DoesNotContain("Placements.Web", References(Commissioning));
        Assert.DoesNotContain("Placements.Accounts", References(Commissioning));
    }

    [Fact]
    public void Finance_ReferencesCommissioningButNotWeb()
    {
        Assert.Contains("Placements.Commissioning", References(Finance));
        Assert.DoesNotContain("Placements.Web", References(Finance));
        Assert.DoesNotContain("Placements.Accounts", References(Finance));
    }

    [Fact]
    public void TheModules_DoNotDependOnAspNetCore()
    {
        // The modules are plain libraries: pages, HTTP and Identity stay in the host.
        foreach (var module in new[] { Commissioning, Finance })
            Assert.DoesNotContain(References(module), r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Web_ReferencesFinance()
    {
        Assert.Contains("Placements.Finance", References(Web));
    }

    [Fact]
    public void ThePureCore_DoesNotReadTheClockOrTheDatabase()
    {
        // Money, the funding rules, the payment calculation, expected amounts, matching, late-payment interest, the school calendar and the planning engine are values: no
        // DbContext, clock or logger inside them.
        var coreTypes = Finance.GetTypes().Where(t => t.Namespace is "Placements.Finance" or "Placements.Finance.Payments.Calculation"
                    or "Placements.Finance.Agreements.Calculation" or "Placements.Finance.Invoices.Calculation"
                || (t.Namespace?.StartsWith("Placements.Finance.Funding", StringComparison.Ordinal) ?? false))
            .Concat(Commissioning.GetTypes().Where(t => t.Namespace is "Placements.Commissioning.SchoolCalendar" or "Placements.Commissioning.Planning"));
        var forbidden = new[] { "Microsoft.EntityFrameworkCore.DbContext", "NodaTime.IClock", "Microsoft.Extensions.Logging.ILogger" };
        var offenders = coreTypes
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                .Select(f => (Type: t, Dependency: f.FieldType))
                .Concat(t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Type: t, Dependency: p.ParameterType))))
            .Where(x => forbidden.Any(f => x.Dependency.FullName == f || x.Dependency.BaseType?.FullName == f))
            .Select(x => $"{x.Type.Name} uses {x.Dependency.Name}")
            .ToList();

        Assert.Empty(offenders);
    }
}
