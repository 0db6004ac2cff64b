using NodaTime;
using Placements.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- generate <folder>   writes the county-scale import folder
var today = LocalDate.FromDateTime(DateTime.Today);
if (args is ["generate", var folder])
{
    var generator = new CountyGenerator(today);
    generator.WriteTo(folder);
    Console.WriteLine($"Wrote a county of {generator.PlacementCount:N0} placements to {folder}.");
    return 0;
}
Console.Error.WriteLine("Usage: generate <folder>");
return 2;
