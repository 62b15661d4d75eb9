"""A query parameter an endpoint does not read is a 400 naming it, not a silent answer to another
question: "?abot=heartburn" or "remedies/?q=ibuprofen" would otherwise return every published
claim or remedy, and a content team would take the whole list for the filtered one. So is one
given twice: a filter reads one value, and which one would be a guess."""

import django_filters
from rest_framework.exceptions import ValidationError
from rest_framework.settings import api_settings

_PAGINATION = ("cursor_query_param", "page_size_query_param", "page_query_param", "limit_query_param",
               "offset_query_param")  # fmt: skip


class KnownParametersMixin:
    """For API views: the parameters read are the filterset's filters, the ordering and pagination
    parameters, `format`, and the view's own `query_parameters`; `detail_parameters` only on an
    action on one object (a claim's `version`: a list given one would ignore it)."""

    query_parameters: tuple[str, ...] = ()
    detail_parameters: tuple[str, ...] = ()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication and permissions first: 401, 403
        known = self.known_parameters()
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            said = f"Unknown parameter: this endpoint reads {', '.join(sorted(known))}."
            raise ValidationError({name[:100]: [said] for name in unknown})
        # "?kind=x&kind=cause" would be read as its last value alone, the first never checked.
        many = self.many_valued_parameters()
        repeated = sorted(name for name, values in request.query_params.lists() if len(values) > 1 and name not in many)
        if repeated:
            said = "Given more than once: give one value (a filter reads one)."
            raise ValidationError({name[:100]: [said] for name in repeated})

    def many_valued_parameters(self) -> set[str]:
        """The filters that read every value given ("?event_type=a&event_type=b")."""
        filterset_class = getattr(self, "filterset_class", None)
        filters = filterset_class.base_filters if filterset_class is not None else {}
        return {name for name, f in filters.items() if isinstance(f, django_filters.MultipleChoiceFilter)}

    def known_parameters(self) -> set[str]:
        known = {api_settings.URL_FORMAT_OVERRIDE, *self.query_parameters}
        if getattr(self, "detail", False):
            known |= set(self.detail_parameters)
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            known |= set(filterset_class.base_filters)
        for backend in getattr(self, "filter_backends", ()):
            known |= {value for name in ("ordering_param", "search_param") if (value := getattr(backend, name, None))}
        paginator = getattr(self, "paginator", None)
        if paginator is not None:
            known |= {value for name in _PAGINATION if (value := getattr(paginator, name, None))}
        return known
