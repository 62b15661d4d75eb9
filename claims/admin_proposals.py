"""The proposals of an ingested article in the admin, for claims.admin_articles.SourceAdmin: the
list a page at a time (all, or the pending only), each quote highlighted in the text, to accept,
edit then accept, reject with a reason, accept or reject the selected, or complete with a claim
the proposer missed by selecting its passage. Every change goes through claims.decisions and
claims.background; a refusal is a message, never a server error."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.http import urlencode

from claims import permissions
from claims.article_forms import ClaimFields, initial_for
from claims.background import proposer_retry
from claims.decisions import proposal_accept, proposal_add, proposal_reject, proposals_accept, proposals_reject
from claims.highlight import highlighted
from claims.proposals import Proposal, ProposalStatus, ProposerRun
from claims.selectors import condition_names, proposal_records, risk_to_flag
from core.errors import ServiceError
from core.numbers import row_id

PROPOSALS_PER_PAGE = 100  # rows of the proposals list on one page, and so its form's fields: two a row


def _with_query(path: str, query: dict) -> str:
    return f"{path}?{urlencode(query)}" if query else path


def _listing(request) -> dict:
    """Which proposals the list shows: all of them, or (?show=pending) those left to decide."""
    return {"show": "pending"} if request.GET.get("show") == "pending" else {}


def refusal(exc: Exception) -> str:
    said = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
    return " ".join([said, *getattr(exc, "__notes__", ())])  # which of a selection it is of


class ProposalPages:
    """The proposals page and the edit-then-accept page of an article (SourceAdmin's `_source` and
    `_page` find the article and render)."""

    def proposals_view(self, request, source_id):
        source = self._source(request, source_id)
        if not source.format:
            raise Http404("The catalogue's articles have no proposals: their claims are curated in its files.")
        adds_remedies = permissions.can_change_remedy(request.user)
        missed = ClaimFields(prefix="missed", adds_remedies=adds_remedies)
        if request.method == "POST":
            action = request.POST.get("action", "")
            if action == "add_missed":
                missed = ClaimFields(request.POST, prefix="missed", adds_remedies=adds_remedies)
                if missed.is_valid() and self._decide(request, self._add_missed, source, missed):
                    return HttpResponseRedirect(request.path)
            else:
                done = self._decide(request, self._act, source, action)
                # back at the proposal decided ("accept:12" -> #proposal-12) on its page of the list, not
                # at the top; a refusal is shown there too, where the reviewer is looking
                decided = action.partition(":")[2]
                query = _listing(request)
                if number := row_id(request.GET.get("page", "")):
                    query["page"] = number
                if not decided.isdigit():
                    return HttpResponseRedirect(_with_query(request.path, query))
                if not done:
                    query["refused"] = decided
                return HttpResponseRedirect(f"{_with_query(request.path, query)}#proposal-{decided}")
        # a page of the list at a time: a long article's thousands of proposals would make a page of
        # megabytes, and one form with more fields than a request may carry
        listing = _listing(request)
        listed = source.proposals.select_related("remedy", "claim", "decided_by", "condition").order_by("start", "id")
        if listing:
            listed = listed.filter(status=ProposalStatus.PENDING)
        counts = source.proposals.aggregate(
            total=Count("pk"), pending=Count("pk", filter=Q(status=ProposalStatus.PENDING))
        )
        paginator = Paginator(listed, PROPOSALS_PER_PAGE)
        paginator.count = counts["pending" if listing else "total"]  # counted with the other, in one query
        page = paginator.get_page(request.GET.get("page"))
        proposals = list(page.object_list)
        records = proposal_records(source, proposals)
        for proposal in proposals:
            proposal.records, proposal.risk = records.get(proposal.pk), risk_to_flag(proposal)
        run = ProposerRun.objects.filter(source=source).first()
        refreshed = run is not None and run.at_work and request.method == "GET"
        return self._page(
            request,
            "proposals.html",
            f"Proposals: {source.title}",
            source=source,
            proposals=proposals,
            page=page,
            pages=paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            text=highlighted(source.text, proposals),
            pending=counts["pending"],
            total=counts["total"],
            run=run,
            # a refusal's answer to a POST is not refreshed: the reviewer reads it and corrects the form
            refresh_seconds=settings.PROPOSALS_REFRESH_SECONDS if refreshed else None,
            can_decide=permissions.can_decide_proposal(request.user),
            refused=request.GET.get("refused", ""),
            listing=urlencode(listing),
            missed=missed,
            conditions=condition_names(),
        )

    def _decide(self, request, act, *args) -> bool:
        """Run one decision in its own transaction; a refusal becomes an error message."""
        try:
            with transaction.atomic():
                done = act(request, *args)
        except (ServiceError, ValidationError) as exc:
            messages.error(request, f"Nothing was changed: {refusal(exc)}")
            return False
        messages.success(request, done)
        return True

    def _add_missed(self, request, source, form) -> str:
        values = form.changes()
        proposal = proposal_add(source=source, actor=request.user, **values, **form.decision())
        return f"Added: {proposal.remedy.name}, {proposal.get_kind_display().lower()} — claim #{proposal.claim_id}."

    def _act(self, request, source, action) -> str:
        pending = source.proposals.filter(status=ProposalStatus.PENDING)
        if action == "retry_proposer":
            proposer_retry(source=source, actor=request.user)
            return "The proposer runs again on this article: this page shows how far."
        if action in ("bulk_accept", "bulk_reject"):
            ids = [row_id(i) for i in request.POST.getlist("selected") if row_id(i)]
            selected = list(pending.filter(pk__in=ids))
            if action == "bulk_accept":
                decided, verb = proposals_accept(proposals=selected, actor=request.user), "Accepted"
            else:
                reason = request.POST.get("bulk-reason", "")
                decided, verb = proposals_reject(proposals=selected, actor=request.user, reason=reason), "Rejected"
            said = f"{verb} {len(decided)} proposal{pluralize(len(decided))}."
            left = set(ids) - {p.pk for p in decided}
            ours = set(source.proposals.filter(pk__in=left).values_list("pk", flat=True))
            if ours:  # from a page older than the list
                said += f" Already decided, left as they were: {', '.join(f'#{pk}' for pk in sorted(ours))}."
            if others := sorted(left - ours):
                said += f" Not this article's proposals, left alone: {', '.join(f'#{pk}' for pk in others)}."
            return said
        verb, _, raw = action.partition(":")
        if verb not in ("accept", "reject") or row_id(raw) is None:
            raise ValidationError("Unknown action.")
        proposal = source.proposals.filter(pk=row_id(raw)).first()
        if proposal is None:
            raise ValidationError(f"Proposal #{raw} is not one of this article's.")
        if verb == "reject":
            proposal_reject(proposal=proposal, actor=request.user, reason=request.POST.get(f"reason-{raw}", ""))
            return f"Rejected proposal #{raw}."
        accepted = proposal_accept(proposal=proposal, actor=request.user)
        said = _ended(str(accepted.claim))
        return f"Accepted proposal #{raw}: claim #{accepted.claim_id}, “{said}”"

    def proposal_accept_view(self, request, source_id, proposal_id):
        source = self._source(request, source_id)
        proposal = get_object_or_404(
            Proposal.objects.select_related("remedy", "condition"), pk=proposal_id, source=source
        )
        back = _on_its_page(proposal, _listing(request))
        adds_remedies = permissions.can_change_remedy(request.user)
        if request.method == "POST":
            form = ClaimFields(request.POST, adds_remedies=adds_remedies)
            if form.is_valid():
                act = self._edit_then_accept
                if self._decide(request, act, proposal, form):
                    # where it is listed now: an edited span may have moved it to another page
                    moved = _on_its_page(Proposal.objects.get(pk=proposal.pk), _listing(request))
                    return HttpResponseRedirect(f"{moved}#proposal-{proposal.pk}")
        else:
            form = ClaimFields(initial=initial_for(proposal), adds_remedies=adds_remedies)
        text = highlighted(source.text, [proposal])
        context = {"source": source, "proposal": proposal, "form": form, "back": back, "text": text}
        context["conditions"] = condition_names()
        context["can_decide"] = permissions.can_decide_proposal(request.user)
        return self._page(request, "proposal_accept.html", f"Edit then accept proposal #{proposal.pk}", **context)

    def _edit_then_accept(self, request, proposal, form) -> str:
        accepted = proposal_accept(proposal=proposal, actor=request.user, changes=form.changes(), **form.decision())
        said = _ended(str(accepted.claim))
        return f"Accepted proposal #{accepted.pk} as edited: claim #{accepted.claim_id}, “{said}”"


def _on_its_page(proposal: Proposal, listing: dict) -> str:
    """The proposals list, as `listing` shows it (all, or the pending only), on the page that lists
    this proposal (ordered by start, then id): where it was when the reviewer chose to edit it."""
    url = reverse("admin:claims_source_proposals", args=[proposal.source_id])
    before = Proposal.objects.filter(
        Q(start__lt=proposal.start) | Q(start=proposal.start, pk__lt=proposal.pk), source_id=proposal.source_id
    )
    if listing:
        before = before.filter(status=ProposalStatus.PENDING)
    number = before.count() // PROPOSALS_PER_PAGE + 1
    return _with_query(url, {**listing, **({"page": number} if number > 1 else {})})


def _ended(statement: str) -> str:
    """A claim's statement as a sentence of a message: with its full stop, never two."""
    return statement if statement.endswith((".", "!", "?")) else statement + "."
