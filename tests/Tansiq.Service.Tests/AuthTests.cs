using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Tansiq.Application;
using Tansiq.Storage;

namespace Tansiq.Service.Tests;

/// <summary>The auth matrix: every /v1 route against no key, a malformed, unknown, revoked, wrong-role, right-role and admin key.</summary>
public abstract class AuthTests : ServiceTestBase
{
    /// <summary>Every /v1 route with the role it needs and a request that is valid for it.</summary>
    public static TheoryData<string, string, string> Routes => new()
    {
        { "POST", "/v1/accounts", Roles.Ingest },
        { "POST", "/v1/follows", Roles.Ingest },
        { "POST", "/v1/reports", Roles.Ingest },
        { "POST", "/v1/messages", Roles.Ingest },
        { "GET", "/v1/decisions", Roles.Moderator },
        { "GET", "/v1/decisions/b", Roles.Moderator },
        { "GET", "/v1/queue", Roles.Moderator },
        { "POST", "/v1/queue/b/resolve", Roles.Moderator },
        { "GET", "/v1/events", Roles.Moderator },
        { "GET", "/v1/clusters", Roles.Moderator },
    };

    private static HttpRequestMessage Request(string method, string path)
    {
        var r = new HttpRequestMessage(new HttpMethod(method), path);
        r.Content = path switch
        {
            "/v1/accounts" => Csv("account_id,username,created_at,followers_count,following_count\na,a,1000,5,0\nb,b,1000,5,0\n"),
            "/v1/follows" => Csv("follower_id,followee_id\na,b\n"),
            "/v1/reports" => Csv("report_id,reporter_id,target_id,timestamp,reason\nr1,a,b,1700000000,spam\n"),
            "/v1/messages" => Csv("message_id,account_id,timestamp,text\nm1,a,1700000000,hello world\n"),
            "/v1/queue/b/resolve" => new StringContent("{\"action\":\"escalate\",\"note\":\"look\"}", System.Text.Encoding.UTF8, "application/json"),
            _ => null,
        };
        return r;
    }

    private async Task<HttpStatusCode> Send(HttpClient client, string method, string path, string? bearer)
    {
        using var r = Request(method, path);
        if (bearer is not null)
        {
            r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        using var response = await client.SendAsync(r);
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        return response.StatusCode;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_EachKind_OfKey_GetsItsStatus(string method, string path, string role)
    {
        using var f = Start();
        using var client = f.CreateClient();
        var store = f.Services.GetRequiredService<ITansiqStore>();
        var time = TimeProvider.System;
        var right = await ApiKeys.IssueAsync(store, role, null, time);
        var admin = await ApiKeys.IssueAsync(store, Roles.Admin, null, time);
        var wrong = await ApiKeys.IssueAsync(store, role == Roles.Ingest ? Roles.Moderator : Roles.Ingest, null, time);
        var revoked = await ApiKeys.IssueAsync(store, role, null, time);
        Assert.True(await store.RevokeKeyAsync(revoked.Record.KeyId, 1));
        ApiKeys.TryParse(right.Key, out var id, out _);
        var wrongSecret = $"tsq_{id}_{new string('A', 43)}";

        Assert.Equal(HttpStatusCode.Unauthorized, await Send(client, method, path, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(client, method, path, "not-a-key"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(client, method, path, wrongSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(client, method, path, "tsq_0000000000000000_" + new string('A', 43)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(client, method, path, revoked.Key));
        Assert.Equal(HttpStatusCode.Forbidden, await Send(client, method, path, wrong.Key));

        // Seed what the moderator routes read, so that the right key gets a success and not a 404.
        using (var seed = Request("POST", "/v1/accounts"))
        {
            seed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin.Key);
            (await client.SendAsync(seed)).EnsureSuccessStatusCode();
        }
        using (var seed = Request("POST", "/v1/reports"))
        {
            seed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin.Key);
            (await client.SendAsync(seed)).EnsureSuccessStatusCode();
        }
        Assert.Equal(HttpStatusCode.OK, await Send(client, method, path, right.Key));
        Assert.Equal(HttpStatusCode.OK, await Send(client, method, path, admin.Key));
    }

    [Fact]
    public async Task Healthz_WithoutKey_IsOk()
    {
        using var f = Start();
        using var client = f.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Keys_AtRest_AreOnlyHashes()
    {
        using var f = Start();
        var store = f.Services.GetRequiredService<ITansiqStore>();
        var issued = await ApiKeys.IssueAsync(store, Roles.Ingest, "n", TimeProvider.System);
        ApiKeys.TryParse(issued.Key, out _, out var secret);
        var stored = await store.FindKeyAsync(issued.Record.KeyId);
        Assert.NotNull(stored);
        Assert.Equal(32, stored.SecretHash.Length);
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(stored.SecretHash), StringComparison.Ordinal);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)), stored.SecretHash);
    }
}

public sealed class SqliteAuthTests : AuthTests
{
    protected override bool Postgres => false;
}

public sealed class PostgresAuthTests : AuthTests
{
    protected override bool Postgres => true;
}
