using System.Diagnostics;
using System.Text;
using JourneyPlugin.Runtime.Campaigns.Audience;
using Xunit.Abstractions;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

[Collection(nameof(AudienceHeapMeasurement))]
public sealed class AudienceReaderStreamingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Reads_200000_rows_generated_on_the_fly_with_memory_independent_of_the_file_size()
    {
        const int Rows = 200_000;
        const long Bound = 16 * 1024 * 1024;
        var stream = new GeneratedAudienceStream(Rows);
        long count = 0, valid = 0, lastRow = 0, peakGrowth = 0;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        await foreach (var row in AudienceReader.ReadAsync(stream, AudienceFormat.Csv))
        {
            count++;
            valid += row.IsValid ? 1 : 0;
            Assert.Equal(lastRow + 1, row.RowNumber - 1);
            lastRow = row.RowNumber - 1;
            if (count % 50_000 == 0)
            {
                peakGrowth = Math.Max(peakGrowth, GC.GetTotalMemory(forceFullCollection: true) - before);
            }
        }

        clock.Stop();
        output.WriteLine($"{Rows:N0} rows, {stream.BytesProduced:N0} bytes in {clock.ElapsedMilliseconds} ms; heap grew at most {peakGrowth:N0} bytes");
        Assert.Equal(Rows, count);
        Assert.Equal(Rows, valid);

        // The file is over 10 MB and its rows as objects several times that; what stays is the
        // 64 KiB buffer and the duplicate table (6 MB of hashes for 200,000 customers).
        Assert.True(stream.BytesProduced > 10_000_000, $"{stream.BytesProduced} bytes");
        Assert.True(peakGrowth < Bound, $"the heap grew by {peakGrowth:N0} bytes while reading");
    }

    [Fact]
    public async Task Without_duplicate_detection_memory_stays_flat()
    {
        var options = new AudienceReaderOptions { DetectDuplicates = false };
        var stream = new GeneratedAudienceStream(200_000);
        long count = 0, atStart = 0, atEnd = 0;

        await foreach (var row in AudienceReader.ReadAsync(stream, AudienceFormat.Csv, options))
        {
            if (++count == 10_000)
            {
                atStart = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (count == 200_000)
            {
                atEnd = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        output.WriteLine($"heap at row 10,000: {atStart:N0}; at row 200,000: {atEnd:N0}");
        Assert.Equal(200_000, count);
        Assert.True(atEnd - atStart < 1024 * 1024, $"the heap grew by {atEnd - atStart:N0} bytes between rows 10,000 and 200,000");
    }

    [Fact]
    public async Task Reads_only_a_buffer_ahead_of_the_rows_it_yields()
    {
        var stream = new GeneratedAudienceStream(1_000_000);

        await using var rows = AudienceReader.ReadAsync(stream, AudienceFormat.Csv).GetAsyncEnumerator();
        Assert.True(await rows.MoveNextAsync());

        Assert.Equal(2, rows.Current.RowNumber);
        Assert.Equal(GeneratedAudienceStream.PhoneOf(0), rows.Current.Phone);
        Assert.True(stream.BytesProduced <= 128 * 1024, $"{stream.BytesProduced:N0} bytes read for the first row");
    }

    [Fact]
    public async Task A_cancelled_token_stops_before_the_first_row()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in AudienceReader.ReadAsync(new GeneratedAudienceStream(10), AudienceFormat.Csv, cancellationToken: cancellation.Token))
            {
            }
        });
    }

    [Fact]
    public async Task Cancelling_stops_at_the_next_row()
    {
        using var cancellation = new CancellationTokenSource();
        var count = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in AudienceReader.ReadAsync(new GeneratedAudienceStream(100_000), AudienceFormat.Csv).WithCancellation(cancellation.Token))
            {
                if (++count == 1_000)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(1_000, count);
    }

    [Theory]
    [InlineData(AudienceFormat.Csv, "phone\n84912345678\n8491234")]
    [InlineData(AudienceFormat.JsonLines, "{\"phone\":\"84912345678\"}\n{\"pho")]
    public async Task Cancelling_ends_a_read_waiting_on_a_stalled_stream(AudienceFormat format, string text)
    {
        using var cancellation = new CancellationTokenSource();
        var rows = new List<AudienceRow>();

        var reading = Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var row in AudienceReader.ReadAsync(new StalledStream(Encoding.UTF8.GetBytes(text)), format, cancellationToken: cancellation.Token))
            {
                // Cancelled while the reader waits on the stream for the next row, not between rows.
                rows.Add(row);
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
            }
        });

        await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("84912345678", Assert.Single(rows).Phone);
    }
}
