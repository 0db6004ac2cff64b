using BenchmarkDotNet.Running;
using NodaTime;
using Placements.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- county [placements]     the county-scale scenario (targets of issue 3)
// dotnet run -c Release --project tests/Benchmarks -- payment-run [--placements 100000] [--database sqlite|postgres|both]
//                                                                              preparing a run against its floor (issue: run < 3× floor)
// dotnet run -c Release --project tests/Benchmarks -- invoice-matching [--lines 50000] [--database sqlite|postgres|both] [--repeats 3]
//                                                                              matching open invoice lines to agreements (issue 6: < 5 s)
// dotnet run -c Release --project tests/Benchmarks -- budget-forecast [--placements 100000] [--database sqlite|postgres|both] [--months 3] [--repeats 3]
//                                                                              the forecast outturn with approved runs (issue 7: < 3 s)
// dotnet run -c Release --project tests/Benchmarks -- generate <folder>       writes the county-scale import folder
// dotnet run -c Release --project tests/Benchmarks -- --job short --filter '*' BenchmarkDotNet micro-benchmarks
switch (args)
{
    case ["county"]:
        return await CountyScenario.RunAsync(20_000);
    case ["county", var count]:
        return await CountyScenario.RunAsync(int.Parse(count));
    case ["payment-run", .. var options]:
        return await PaymentRunScenario.RunAsync(options);
    case ["invoice-matching", .. var options]:
        return await InvoiceMatchingScenario.RunAsync(options);
    case ["budget-forecast", .. var options]:
        return await BudgetForecastScenario.RunAsync(options);
    case ["generate", var folder]:
        var generator = new CountyGenerator(LocalDate.FromDateTime(DateTime.Today));
        generator.WriteTo(folder);
        Console.WriteLine($"Wrote a county of {generator.PlacementCount:N0} placements to {folder}.");
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(PlanningBenchmarks).Assembly).Run(args);
        return 0;
}
