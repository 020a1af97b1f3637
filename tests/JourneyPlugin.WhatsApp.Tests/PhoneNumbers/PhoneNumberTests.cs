using JourneyPlugin.WhatsApp.PhoneNumbers;

namespace JourneyPlugin.WhatsApp.Tests.PhoneNumbers;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+84 912-345-678", "84912345678")]
    [InlineData("84912345678", "84912345678")]
    [InlineData("0084912345678", "84912345678")]
    [InlineData("+44 (0) 7860 099299", "447860099299")]
    [InlineData("+1 (415) 555-2671", "14155552671")]
    [InlineData(" +385 91 999 8888 ", "385919998888")]
    [InlineData("41.79.302.67.31", "41793026731")]
    public void Normalises_to_digits_with_country_code_and_no_plus(string input, string expected)
    {
        Assert.True(PhoneNumber.TryParse(input, out var number, out var reason), reason);
        Assert.Equal(expected, number.Digits);
        Assert.Equal(expected, PhoneNumber.Parse(input).ToString());
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("", "is empty")]
    [InlineData("0912345678", "has no country code")]
    [InlineData("+84 12", "too short")]
    [InlineData("84 912 345 678 901 234", "too long")]
    [InlineData("+999 123456789", "known country code")]
    [InlineData("84912345678x", "contains 'x'")]
    [InlineData("+84 112 345 678", "not a valid number for country code 84")]
    public void Refuses_an_invalid_number_with_a_clear_reason(string? input, string reason)
    {
        Assert.False(PhoneNumber.TryParse(input, out _, out var actual));
        Assert.Contains(reason, actual, StringComparison.Ordinal);
        var exception = Assert.Throws<FormatException>(() => PhoneNumber.Parse(input));
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_parsed_again_gets_the_same_answer_after_many_others()
    {
        // More distinct numbers than the parser remembers, so later parses both hit and miss its memory.
        var inputs = Enumerable.Range(0, 10_000).Select(i => $"+84 912 {i:D6}").Append("+84 112 345 678").ToList();
        var first = inputs.Select(Answer).ToList();

        Assert.Equal(first, inputs.Select(Answer));
        Assert.Equal(first.AsEnumerable().Reverse(), inputs.AsEnumerable().Reverse().Select(Answer));
        Assert.Equal("84912000042", first[42]);
        Assert.Contains("not a valid number", first[^1], StringComparison.Ordinal);

        static string Answer(string input) => PhoneNumber.TryParse(input, out var number, out var reason) ? number.Digits : reason;
    }

    [Theory]
    [InlineData("84912345678", "8491*****78")]
    [InlineData("447860099299", "4478******99")]
    [InlineData("12345", "1**45")]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    public void Redacts_all_but_the_start_and_the_last_two_digits(string input, string expected) =>
        Assert.Equal(expected, PhoneNumber.Redact(input));
}
