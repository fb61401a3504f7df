using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CelerData.Emulator.Internal;

/// <summary>
/// Usage, bills and accounts. The figures are synthetic and deterministic: the Nth cluster (from 1)
/// uses 12.5 × N CCU a day, and a CCU is billed at 0.5.
/// </summary>
internal static class UsageEndpoints
{
    private const decimal DailyUsagePerClusterRank = 12.5m;
    private const decimal PricePerCcu = 0.5m;
    private const int MaxDays = 31;
    private const int MaxMonths = 36;
    private const string AccountEmail = "owner@example.com";
    private const long AccountCreatedAt = 1675858169913;

    public static Task GetAccountUsageAsync(HttpContext context, EmulatorState state)
    {
        if (!TryReadDays(context.Request.Query["start_date"].ToString(), context.Request.Query["end_date"].ToString(), out var days, out var error)
            || !TryReadBool(context, "show_detail", required: false, out var showDetail, ref error))
        {
            return Envelopes.BadRequestAsync(context, error);
        }

        var daily = state.Cloud.ClusterNames().Select(static (_, rank) => DailyUsageOf(rank)).Sum();
        return Envelopes.SuccessAsync(
            context,
            new AccountUsage(state.AccountId, Format(daily * days.Count), showDetail ? Details(days, daily, withTimestamps: false) : null),
            EmulatorJsonContext.Default.EnvelopeAccountUsage);
    }

    public static Task GetClusterUsageAsync(HttpContext context, EmulatorState state)
    {
        if (!TryReadDays(context.Request.Query["start_date"].ToString(), context.Request.Query["end_date"].ToString(), out var days, out var error)
            || !TryReadBool(context, "show_detail", required: true, out var showDetail, ref error))
        {
            return Envelopes.BadRequestAsync(context, error);
        }

        var clusterId = Envelopes.Route(context, "cluster_id");
        var clusters = state.Cloud.ClusterNames();
        var rank = clusters.Select(static c => c.Id).ToList().IndexOf(clusterId);
        if (rank < 0)
        {
            return Envelopes.NotFoundAsync(context, "cluster");
        }

        var daily = DailyUsageOf(rank);
        return Envelopes.SuccessAsync(
            context,
            new ClusterUsage(clusterId, clusters[rank].Name, Format(daily * days.Count), showDetail ? Details(days, daily, withTimestamps: false) : null),
            EmulatorJsonContext.Default.EnvelopeClusterUsage);
    }

    public static async Task GetOrganizationClusterUsageAsync(HttpContext context, EmulatorState state)
    {
        var body = await Envelopes.ReadBodyAsync(context, EmulatorJsonContext.Default.OrganizationUsageBody);
        if (body is null)
        {
            await Envelopes.BadRequestAsync(context, "The body must be a JSON object with \"start_date\" and \"end_date\".");
            return;
        }

        if (!TryReadDays(body.StartDate, body.EndDate, out var days, out var error))
        {
            await Envelopes.BadRequestAsync(context, error);
            return;
        }

        var accounts = new List<AccountClusterUsage>();
        if (body.AccountIds is not { Count: > 0 } ids || ids.Contains(state.AccountId, StringComparer.Ordinal))
        {
            var showDaily = body.ShowDailyDetail == true;
            var clusters = state.Cloud.ClusterNames()
                .Select((c, rank) => new ClusterDailyUsage(c.Id, c.Name, Format(DailyUsageOf(rank) * days.Count), showDaily ? Details(days, DailyUsageOf(rank), withTimestamps: true) : null))
                .ToList();
            var accountTotal = state.Cloud.ClusterNames().Select(static (_, rank) => DailyUsageOf(rank)).Sum() * days.Count;
            accounts.Add(new AccountClusterUsage(state.AccountId, state.AccountName, AccountEmail, Format(accountTotal), clusters));
        }

        var total = accounts.Sum(static a => decimal.Parse(a.TotalUsage, CultureInfo.InvariantCulture));
        await Envelopes.SuccessAsync(context, new OrganizationUsage(Format(total), accounts), EmulatorJsonContext.Default.EnvelopeOrganizationUsage);
    }

    public static Task ListBillsAsync(HttpContext context, EmulatorState state)
    {
        var start = ParseMonth(context.Request.Query["start_month"].ToString());
        var end = ParseMonth(context.Request.Query["end_month"].ToString());
        if (start is not { } first || end is not { } last)
        {
            return Envelopes.BadRequestAsync(context, "start_month and end_month are required, as yyyyMM.");
        }

        var months = ((last.Year - first.Year) * 12) + last.Month - first.Month;
        if (months is < 0 or > MaxMonths)
        {
            return Envelopes.BadRequestAsync(context, "end_month must not be before start_month, nor more than 36 months after it.");
        }

        var daily = state.Cloud.ClusterNames().Select(static (_, rank) => DailyUsageOf(rank)).Sum();
        var bills = Enumerable.Range(0, months + 1)
            .Select(offset => first.AddMonths(offset))
            .Select(month =>
            {
                var usage = Format(daily * DateTime.DaysInMonth(month.Year, month.Month));
                var price = (daily * DateTime.DaysInMonth(month.Year, month.Month) * PricePerCcu).ToString("F2", CultureInfo.InvariantCulture);
                return new Bill(MonthText(month), state.AccountId, usage, price, "PAID", "SUCCESS", "AccountBalance", [new Payment("AccountBalance", usage, "CCU", "SUCCESS")]);
            })
            .ToList();
        return Envelopes.SuccessAsync(
            context,
            new BillsData(state.AccountId, MonthNumber(first), MonthNumber(last), bills),
            EmulatorJsonContext.Default.EnvelopeBillsData);
    }

    public static Task ListAccountsAsync(HttpContext context, EmulatorState state) =>
        Envelopes.SuccessAsync<IReadOnlyList<AccountData>>(
            context,
            [new AccountData(state.AccountId, state.AccountName, AccountEmail, "IN_USE", true, AccountCreatedAt)],
            EmulatorJsonContext.Default.EnvelopeIReadOnlyListAccountData);

    private static decimal DailyUsageOf(int rank) => DailyUsagePerClusterRank * (rank + 1);

    private static string Format(decimal usage) => usage.ToString("F6", CultureInfo.InvariantCulture);

    private static List<DailyUsage> Details(IReadOnlyList<DateOnly> days, decimal daily, bool withTimestamps) =>
        [.. days.Select(day => new DailyUsage(
            Format(daily),
            (day.Year * 10000) + (day.Month * 100) + day.Day,
            withTimestamps ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds() : null))];

    private static bool TryReadDays(string? start, string? end, out IReadOnlyList<DateOnly> days, out string error)
    {
        days = [];
        if (!DateOnly.TryParseExact(start, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || !DateOnly.TryParseExact(end, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
        {
            error = "start_date and end_date are required, as yyyyMMdd.";
            return false;
        }

        var span = last.DayNumber - first.DayNumber;
        if (span is < 0 or > MaxDays)
        {
            error = "end_date must not be before start_date, nor more than 31 days after it.";
            return false;
        }

        days = [.. Enumerable.Range(0, span + 1).Select(first.AddDays)];
        error = string.Empty;
        return true;
    }

    private static bool TryReadBool(HttpContext context, string name, bool required, out bool value, ref string error)
    {
        var text = context.Request.Query[name].ToString();
        value = false;
        if (text.Length == 0 && !required)
        {
            return true;
        }

        // JSON's and OpenAPI's spelling only: bool.TryParse would also take True, FALSE and padded values.
        if (text is "true" or "false")
        {
            value = text == "true";
            return true;
        }

        error = name + (required ? " is required, " : " must be ") + "true or false.";
        return false;
    }

    private static DateOnly? ParseMonth(string text) =>
        DateOnly.TryParseExact(text + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && text.Length == 6 ? month : null;

    private static string MonthText(DateOnly month) => month.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static int MonthNumber(DateOnly month) => (month.Year * 100) + month.Month;
}
