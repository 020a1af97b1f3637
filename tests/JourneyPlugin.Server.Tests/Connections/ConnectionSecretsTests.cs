using System.Net;
using System.Net.Http.Json;
using System.Text;
using JourneyPlugin.Server.Connections.Storage;
using JourneyPlugin.Server.Hosting;
using JourneyPlugin.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Server.Tests.Connections;

/// <summary>Secrets stay secret: encrypted at rest, masked in responses, in no log line.</summary>
[Collection(ConnectionTestGroup.Name)]
public sealed class ConnectionSecretsTests(ConnectionTestBed bed)
{
    private const string BasicPassword = "webhook-password-5e2b9c71d0";
    private const string HmacSecret = "webhook-hmac-secret-a39f04c7e1";
    private const string Recipient = "84912345677";

    private HttpClient Client => bed.Client;

    [Fact]
    public async Task No_secret_is_in_the_data_directory_a_log_line_or_a_response()
    {
        var body = bed.SecondConnection("secret-vn", ("webhookBasicUser", "infobip"), ("webhookBasicPassword", BasicPassword), ("webhookHmacSecret", HmacSecret));
        await bed.CreateAsync(body);
        await bed.GetAsync("/api/connections/secret-vn");
        await bed.GetAsync("/api/connections");
        using (await Client.PutAsJsonAsync("/api/connections/secret-vn", body))
        {
        }

        using (var quickTest = await Client.PostAsJsonAsync("/api/connections/secret-vn/quick-test", new { to = Recipient }))
        {
            Assert.Equal(HttpStatusCode.OK, quickTest.StatusCode);
        }

        using (var badKey = await Client.PostAsJsonAsync("/api/connections", bed.SecondConnection("secret-badkey", ("apiKey", ConnectionTestBed.SecondApiKey + "-old"))))
        using (var refused = await Client.PostAsync("/api/connections/secret-badkey/quick-test", content: null))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        await bed.GetAsync("/api/connections/secret-vn/templates");
        using (await Client.SendAsync(Payloads.Post("/webhooks/infobip/secret-vn/inbound", Payloads.Inbound($"s-{Guid.NewGuid():N}"), "not-the-secret-0123456789", Payloads.Basic("infobip", "wrong"))))
        using (var invalid = await Client.PostAsJsonAsync("/api/connections", bed.SecondConnection("Secret VN", ("webhookHmacSecret", "short"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        var secrets = new[] { ConnectionTestBed.SecondApiKey, BasicPassword, HmacSecret, bed.Factory.Services.GetRequiredService<EmbeddedSandbox>().Settings.ApiKey };
        var files = Directory.EnumerateFiles(bed.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(SqliteConnectionStore.FileName, StringComparison.Ordinal));
        Assert.Contains(bed.Factory.Logs.Lines, l => l.Contains("Connection secret-vn created", StringComparison.Ordinal));
        Assert.Contains(bed.Factory.Responses, r => r.Contains("••••f365", StringComparison.Ordinal));
        Assert.Contains(bed.Factory.Logs.Lines, l => l.Contains("Quick test of connection secret-vn to 8491*****77", StringComparison.Ordinal));
        Assert.DoesNotContain(bed.Factory.Logs.Lines, l => l.Contains(Recipient, StringComparison.Ordinal)); // phone numbers are redacted
        foreach (var secret in secrets)
        {
            foreach (var file in files)
            {
                var bytes = await ReadSharedAsync(file);
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secret)) || Contains(bytes, Encoding.Unicode.GetBytes(secret)), $"a secret is in {file}");
            }

            Assert.DoesNotContain(bed.Factory.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(bed.Factory.Responses, r => r.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_store_holds_ciphertexts_bound_to_their_connection()
    {
        await bed.CreateAsync(bed.SecondConnection("cipher-a", ("webhookHmacSecret", HmacSecret)));
        await bed.CreateAsync(bed.SecondConnection("cipher-b"));

        var rows = await ReadRowsAsync();

        var (keyA, hmacA) = rows["cipher-a"];
        var (keyB, hmacB) = rows["cipher-b"];
        Assert.StartsWith("CfDJ8", keyA, StringComparison.Ordinal); // a Data Protection payload
        Assert.NotEqual(keyA, keyB); // same key, different ciphertexts
        Assert.NotNull(hmacA);
        Assert.Null(hmacB);

        // A ciphertext copied to another connection does not decrypt there.
        var protector = bed.Factory.Services.GetRequiredService<JourneyPlugin.Server.Connections.Secrets.ConnectionSecretProtector>();
        Assert.Equal(ConnectionTestBed.SecondApiKey, protector.Unprotect("cipher-a", "ApiKey", keyA));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect("cipher-b", "ApiKey", keyA));
    }

    private async Task<Dictionary<string, (string ApiKey, string? Hmac)>> ReadRowsAsync()
    {
        var path = Path.Combine(bed.DataDirectory, SqliteConnectionStore.FileName);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, api_key, webhook_hmac_secret FROM connections";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        return rows;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
