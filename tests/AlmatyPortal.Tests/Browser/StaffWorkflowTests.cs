using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.Playwright;

namespace AlmatyPortal.Tests.Browser;

/// <summary>A member of staff in a real browser: sign in, write with preview, publish, link the conference, read it; and the conflict page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StaffWorkflowTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    /// <summary>Asks for a staff page, is sent to the sign-in page in the same language, signs in and lands on the page asked for.</summary>
    private async Task<IPage> SignedInPageAsync(string role = StaffRoles.Editor, string start = "/admin")
    {
        var russian = start.StartsWith("/ru/", StringComparison.Ordinal);
        var (emailLabel, passwordLabel, button) = russian ? ("Электронная почта", "Пароль", "Вход") : ("Email", "Password", "Sign in");
        var email = await Staff.CreateAsync(browser.Portal, role);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(start);
        Assert.Contains((russian ? "/ru" : "") + "/account/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel(emailLabel).FillAsync(email);
        await page.GetByLabel(passwordLabel).FillAsync(Staff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.WaitForURLAsync("**" + start);
        return page;
    }

    [Fact]
    public async Task Staff_sign_in_write_with_preview_publish_with_image_and_conference_and_read_it_on_the_site()
    {
        var page = await SignedInPageAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).First.ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Almaty roundtable follows up the Almaty Process");
        await page.GetByLabel("Summary").FillAsync("A follow-up meeting of the Almaty Process.");
        await page.GetByLabel("Body").FillAsync("Delegates met in **Almaty** to review the *Almaty Declaration*.\n\n- capacity building\n- cooperation");
        await page.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "— News" });
        await page.GetByLabel("Tags").FillAsync("Almaty Process, Central Asia");
        await page.GetByLabel("Featured image").SelectOptionAsync(new SelectOptionValue { Index = 1 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var preview = page.Locator("section.preview");
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("Almaty");
        await Assertions.Expect(preview.Locator("li").First).ToHaveTextAsync("capacity building");
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Almaty roundtable follows up the Almaty Process");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Published.");

        await page.GotoAsync("/admin/conferences");
        await page.GetByRole(AriaRole.Link, new() { Name = "Regional Conference on Refugee Protection and International Migration in Central Asia" }).ClickAsync();
        var reports = page.GetByLabel("News reports on it");
        var selected = await reports.EvaluateAsync<string[]>("s => Array.from(s.selectedOptions).map(o => o.label)");
        await reports.SelectOptionAsync([.. selected.Select(l => new SelectOptionValue { Label = l }), new SelectOptionValue { Label = "Almaty roundtable follows up the Almaty Process" }]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Published.");

        var reader = await browser.NewPageAsync(375, 812);
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Almaty roundtable follows up the Almaty Process" }).ClickAsync();
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("Almaty roundtable follows up the Almaty Process");
        await Assertions.Expect(reader.Locator(".body strong")).ToHaveTextAsync("Almaty");
        await Assertions.Expect(reader.Locator("figure.featured .credit")).ToHaveTextAsync("© UNHCR");
        await Assertions.Expect(reader.Locator(".breadcrumb")).ToContainTextAsync("News of the Region");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Regional Conference on Refugee Protection and International Migration in Central Asia" }).ClickAsync();
        await Assertions.Expect(reader.Locator("#reports + ul")).ToContainTextAsync("Almaty roundtable follows up the Almaty Process");
    }

    [Fact]
    public async Task Two_editors_on_one_draft_the_second_sees_the_conflict_page_with_both_texts_and_can_merge()
    {
        var first = await SignedInPageAsync();
        await first.GotoAsync("/admin/articles/edit");
        await first.GetByLabel("Title", new() { Exact = true }).FillAsync("Shared draft about the declaration");
        await first.GetByLabel("Body").FillAsync("Original paragraph.");
        await first.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "— News" });
        await first.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(first.Locator(".notice")).ToHaveTextAsync("Saved.");
        var address = new Uri(first.Url).AbsolutePath;

        var second = await SignedInPageAsync();
        await second.GotoAsync(address);
        await first.GetByLabel("Body").FillAsync("First editor's paragraph.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(first.Locator(".notice")).ToHaveTextAsync("Saved.");

        await second.GetByLabel("Body").FillAsync("Second editor's paragraph.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(second.Locator(".conflict h2")).ToHaveTextAsync("Someone else saved this article while you were editing");
        await Assertions.Expect(second.Locator(".their-body")).ToHaveTextAsync("First editor's paragraph.");
        await Assertions.Expect(second.Locator(".your-body")).ToHaveTextAsync("Second editor's paragraph.");
        await Assertions.Expect(second.GetByLabel("Body")).ToHaveValueAsync("Second editor's paragraph.");

        await second.GetByLabel("Body").FillAsync("First editor's paragraph.\n\nSecond editor's paragraph.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(second.Locator(".notice")).ToHaveTextAsync("Saved.");
        await Assertions.Expect(second.GetByLabel("Body")).ToHaveValueAsync("First editor's paragraph.\n\nSecond editor's paragraph.");
    }

    [Fact]
    public async Task A_click_while_an_autosave_is_on_its_way_makes_one_article_not_an_autosaved_twin()
    {
        var page = await SignedInPageAsync();
        var autosaveSent = new TaskCompletionSource();
        // The server has the first autosave, but its answer is slow to come back, as on a poor connection.
        await page.RouteAsync("**/admin/articles/edit?handler=Autosave", async route =>
        {
            var answer = await route.FetchAsync();
            autosaveSent.TrySetResult();
            await Task.Delay(1500);
            await route.FulfillAsync(new() { Response = answer });
        });
        await page.GotoAsync("/admin/articles/edit");
        await page.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "— News" });
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Clicked during an autosave");
        await page.GetByLabel("Body").FillAsync("The autosave is still travelling.");
        await autosaveSent.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Published.");
        Assert.Equal(1, await browser.Portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Articles, a => a.Title == "Clicked during an autosave")));
    }

    [Fact]
    public async Task A_draft_is_saved_automatically_while_typing()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync("/admin/articles/edit");
        await page.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "— News" });
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Typed but never saved by hand");
        await page.GetByLabel("Body").FillAsync("Words that must not be lost.");

        await Assertions.Expect(page.Locator(".autosave-status")).ToContainTextAsync("Draft saved automatically", new() { Timeout = 15000 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/articles/edit/\\d+$"));

        // The tab is closed without saving; the editor opens the article again.
        var address = new Uri(page.Url).AbsolutePath;
        var context = page.Context;
        await page.CloseAsync();
        var reopened = await context.NewPageAsync();
        await reopened.GotoAsync(address);
        await Assertions.Expect(reopened.GetByLabel("Body")).ToHaveValueAsync("Words that must not be lost.");
    }

    [Fact]
    public async Task An_editor_works_in_russian_signs_in_autosaves_and_publishes_without_leaving_russian()
    {
        var page = await SignedInPageAsync(start: "/ru/admin/articles/edit");

        await page.GetByLabel("Раздел").SelectOptionAsync(new SelectOptionValue { Label = "— Новости" });
        await page.GetByLabel("Заголовок", new() { Exact = true }).FillAsync("Встреча в Бишкеке");
        await page.GetByLabel("Текст", new() { Exact = true }).FillAsync("Участники обсудили защиту беженцев.");
        await Assertions.Expect(page.Locator(".autosave-status")).ToContainTextAsync("Черновик сохранён автоматически", new() { Timeout = 15000 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ru/admin/articles/edit/\\d+$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Опубликовать", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Опубликовано.");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ru/admin/articles/edit/\\d+$"));
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
    }
}
