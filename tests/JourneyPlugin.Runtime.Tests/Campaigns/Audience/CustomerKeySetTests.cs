using JourneyPlugin.Runtime.Campaigns.Audience;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

public sealed class CustomerKeySetTests
{
    [Fact]
    public void Remembers_the_first_row_of_every_key_through_growth()
    {
        var keys = new CustomerKeySet();
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(keys.TryAdd($"customer-{i}", i + 2, out _));
        }

        for (var i = 0; i < 100_000; i += 997)
        {
            Assert.False(keys.TryAdd($"customer-{i}", 1_000_000, out var first));
            Assert.Equal(i + 2, first);
        }

        Assert.Equal(100_000, keys.Count);
    }

    [Fact]
    public void Keys_are_case_sensitive_and_exact()
    {
        var keys = new CustomerKeySet();

        Assert.True(keys.TryAdd("C-1", 2, out _));
        Assert.True(keys.TryAdd("c-1", 3, out _));
        Assert.True(keys.TryAdd("C-1 ", 4, out _));
        Assert.True(keys.TryAdd(string.Empty, 5, out _));
        Assert.False(keys.TryAdd("C-1", 6, out var first));
        Assert.Equal(2, first);
    }
}
