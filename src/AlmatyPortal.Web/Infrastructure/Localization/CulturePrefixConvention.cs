using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace AlmatyPortal.Web.Infrastructure.Localization;

internal sealed class CulturePrefixConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors.ToList())
        {
            var template = selector.AttributeRouteModel?.Template?.TrimStart('/') ?? "";
            foreach (var language in Languages.Supported.Where(l => l != Languages.Default))
            {
                model.Selectors.Add(new SelectorModel
                {
                    AttributeRouteModel = new AttributeRouteModel
                    {
                        Template = AttributeRouteModel.CombineTemplates(language, template),
                        SuppressLinkGeneration = true,
                    },
                });
            }
        }
    }
}
