using AngleSharp.Html.Dom;

namespace AlmatyPortal.Tests.Support;

/// <summary>What a browser would send for a form as the page shows it: every named input, select and textarea.</summary>
public static class FormValues
{
    public static async Task<List<(string Name, string Value)>> ReadAsync(HttpClient client, string url, string formSelector)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(url));
        var form = document.QuerySelector(formSelector) as IHtmlFormElement;
        Assert.True(form is not null, $"no form '{formSelector}' on {url}");
        var values = new List<(string, string)>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file")
                    && (input.Type is not ("checkbox" or "radio") || input.IsChecked):
                    values.Add((input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => (select.Name!, o.Value)));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add((area.Name, area.Value));
                    break;
            }
        }
        return values;
    }

    /// <summary>The values with one field set (every earlier value of that name replaced).</summary>
    public static List<(string Name, string Value)> With(this List<(string Name, string Value)> values, string name, string value) =>
        [.. values.Where(v => v.Name != name), (name, value)];
}
