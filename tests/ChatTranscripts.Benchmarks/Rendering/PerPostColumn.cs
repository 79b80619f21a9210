using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChatTranscripts.Benchmarks.Rendering;

/// <summary>
/// Mean time or allocation divided by the benchmark's <c>PostCount</c> parameter. A linear rendering keeps these flat
/// across sizes, so a quadratic step shows as a column that grows tenfold per row instead of hiding in totals that grow
/// anyway. Benchmarks without the parameter (the tagging ones already report per post) show "-".
/// </summary>
internal sealed class PerPostColumn : IColumn
{
    public const string PostCountParameter = nameof(RenderingBenchmarks.PostCount);

    public static readonly IColumn Time = new PerPostColumn(
        "ns/post", "Mean time divided by PostCount (1 ns)", (report, benchmark) => report.ResultStatistics?.Mean);

    public static readonly IColumn Allocated = new PerPostColumn(
        "B/post", "Allocated bytes per operation divided by PostCount (1 byte)", (report, benchmark) => report.GcStats.GetBytesAllocatedPerOperation(benchmark));

    private readonly Func<BenchmarkReport, BenchmarkCase, double?> _total;

    private PerPostColumn(string name, string legend, Func<BenchmarkReport, BenchmarkCase, double?> total)
    {
        ColumnName = name;
        Legend = legend;
        _total = total;
    }

    public string Id => nameof(PerPostColumn) + "." + ColumnName;

    public string ColumnName { get; }

    public string Legend { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(b => Posts(b) is not null);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        return Posts(benchmarkCase) is { } posts && report is not null && _total(report, benchmarkCase) is { } total
            ? (total / posts).ToString("#,0.0", CultureInfo.InvariantCulture)
            : "-";
    }

    public override string ToString() => ColumnName;

    private static int? Posts(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == PostCountParameter)?.Value as int?;
}
