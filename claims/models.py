"""What is claimed, and where: sources, remedies with their aliases, claims, appearances."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Lower, Upper

from core.triggers import track_history


class Category(models.TextChoices):
    DRUG = "drug", "Drug"
    SUPPLEMENT = "supplement", "Supplement"
    FOOD_DRINK = "food_drink", "Food or drink"
    HERBAL_FOLK = "herbal_folk", "Herbal or folk preparation"
    TOPICAL = "topical", "Topical"
    MANEUVER = "maneuver", "Maneuver"
    PROCEDURE = "procedure", "Procedure"
    DEVICE_GARMENT = "device_garment", "Device or garment"
    LIFESTYLE = "lifestyle", "Lifestyle measure"


class RiskTier(models.TextChoices):
    # Declared highest first: the review queue sorts by this order.
    HIGH = "high", "High"
    MODERATE = "moderate", "Moderate"
    LOW = "low", "Low"


class ClaimKind(models.TextChoices):
    RELIEF = "relief", "Relief during an episode"
    TREATMENT = "treatment", "Treatment"
    PREVENTION = "prevention", "Prevention"
    CAUSE = "cause", "Causes or provokes the condition"
    CAUTION = "caution", "Caution stated by the article"


class Population(models.TextChoices):
    PREGNANCY = "pregnancy", "Pregnancy"
    CHILDREN = "children", "Children"
    ELDERLY = "elderly", "Elderly"
    ATHLETES = "athletes", "Athletes"
    VARICOSE_VEINS = "varicose_veins", "Varicose veins"
    THROMBOPHLEBITIS = "thrombophlebitis", "Thrombophlebitis"
    DIABETES = "diabetes", "Diabetes"
    HYPOTENSION = "hypotension", "Hypotension"
    HEART_DISEASE = "heart_disease", "Heart disease"
    KIDNEY_DISEASE = "kidney_disease", "Kidney disease"
    LIVER_DISEASE = "liver_disease", "Liver disease"
    GASTROINTESTINAL = "gastrointestinal", "Gastrointestinal disease"
    FLAT_FEET = "flat_feet", "Flat feet"
    SEDENTARY = "sedentary", "Sedentary people"
    ASTHMA = "asthma", "Asthma"
    BREASTFEEDING = "breastfeeding", "Breastfeeding"
    HYPERTENSION = "hypertension", "High blood pressure"
    ANTICOAGULANTS = "anticoagulants", "Taking blood thinners"
    OTHER_MEDICINES = "other_medicines", "Taking other medicines"


class Condition(models.Model):
    """What an article and its claims are about: night leg cramps, heartburn, insomnia … The slug
    is what the content API filters on (`about`); it never changes once given."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="condition_name_ci_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="condition_name_given"),
            models.CheckConstraint(condition=Q(slug__regex=r"^[a-z0-9]+(-[a-z0-9]+)*$"), name="condition_slug_format"),
        ]

    def __str__(self):
        return self.name


class Source(models.Model):
    """An article under review, about one condition. Its text is kept in the database: an ingested
    article's as taken in (claims.articles), a catalogue article's once the loader has checked it
    against the corpus at hand (the repository holds only quotes and checksums). The sha256 is of
    the text's UTF-8 bytes: the same text is never taken in twice."""

    file_name = models.CharField(max_length=255, unique=True)
    title = models.CharField(max_length=500)
    url = models.URLField(blank=True)
    language = models.CharField(max_length=8, default="en")
    condition = models.ForeignKey(
        Condition, on_delete=models.PROTECT, related_name="sources", help_text="What the article is about."
    )
    sha256 = models.CharField(max_length=64)
    text = models.TextField(blank=True)
    # The same words spaced differently are the same article (claims.ingest.text.words_sha256);
    # empty until the text is stored.
    words_sha256 = models.CharField(max_length=64, blank=True, default="", db_index=True)
    added_at = models.DateTimeField(auto_now_add=True)
    # An ingested article: who took it in and from what (txt, md, html, or pasted text). Empty for
    # the catalogue's articles, which the loader brings.
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    format = models.CharField(max_length=8, blank=True)

    class Meta:
        ordering = ["file_name"]
        constraints = [
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="source_sha256_hex"),
            models.UniqueConstraint(fields=["sha256"], name="source_sha256_unique"),
            models.CheckConstraint(condition=Q(format__in=["", "txt", "md", "html"]), name="source_format_known"),
        ]

    def __str__(self):
        return self.title


@track_history()
class Remedy(models.Model):
    """One thing claimed to help or to harm; brands and spellings are its aliases."""

    name = models.CharField(max_length=200, help_text="Canonical name: the INN for drugs.")
    category = models.CharField(max_length=20, choices=Category)
    atc_code = models.CharField("ATC code", max_length=7, blank=True)
    risk_tier = models.CharField(max_length=10, choices=RiskTier)
    risk_reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "remedies"
        # The API's remedy filter compares UPPER(name) = UPPER(%s), as `iexact` does on PostgreSQL.
        # The plain index serves pages in name order without sorting every remedy.
        indexes = [models.Index(Upper("name"), name="remedy_name_upper"), models.Index("name", name="remedy_name")]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="remedy_name_ci_unique"),
            models.CheckConstraint(condition=Q(category__in=Category.values), name="remedy_category_known"),
            models.CheckConstraint(condition=Q(risk_tier__in=RiskTier.values), name="remedy_risk_tier_known"),
            models.CheckConstraint(condition=~Q(risk_reason=""), name="remedy_risk_reason_given"),
            models.CheckConstraint(
                condition=Q(atc_code="")
                | Q(atc_code__regex=r"^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$|^[A-Z][0-9]{2}[A-Z]{0,2}$"),
                name="remedy_atc_code_format",
            ),
        ]

    def __str__(self):
        return self.name


@track_history()
class RemedyAlias(models.Model):
    """A brand name, spelling or transliteration that resolves to one remedy."""

    remedy = models.ForeignKey(Remedy, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "remedy aliases"
        indexes = [models.Index(Upper("alias"), name="remedyalias_alias_upper")]
        constraints = [
            # Case-insensitively unique across all remedies: an alias names exactly one remedy.
            models.UniqueConstraint(Lower("alias"), name="remedy_alias_ci_unique"),
            models.CheckConstraint(condition=~Q(alias=""), name="remedy_alias_not_empty"),
        ]

    def __str__(self):
        return self.alias


class Claim(models.Model):
    """One assertion about one remedy. The same assertion in several articles is one claim with
    several appearances, so reviewers grade it once."""

    condition = models.ForeignKey(
        Condition, on_delete=models.PROTECT, related_name="claims", help_text="The condition the claim is about."
    )
    remedy = models.ForeignKey(Remedy, on_delete=models.PROTECT, related_name="claims")
    kind = models.CharField(max_length=12, choices=ClaimKind)
    population = models.CharField(max_length=20, choices=Population, null=True, blank=True)
    statement = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["remedy__name", "kind", "population", "condition__name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ClaimKind.values), name="claim_kind_known"),
            models.CheckConstraint(
                condition=Q(population__isnull=True) | Q(population__in=Population.values),
                name="claim_population_known",
            ),
            # Two partial constraints because NULL populations would otherwise never collide.
            models.UniqueConstraint(
                fields=["condition", "remedy", "kind", "population"],
                condition=Q(population__isnull=False),
                name="claim_unique_per_condition_population",
            ),
            models.UniqueConstraint(
                fields=["condition", "remedy", "kind"],
                condition=Q(population__isnull=True),
                name="claim_unique_per_condition",
            ),
            models.CheckConstraint(condition=~Q(statement=""), name="claim_statement_given"),
        ]

    def __str__(self):
        return self.statement


class Appearance(models.Model):
    """Where a claim is made: the verbatim quote and its character offsets in the source."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="appearances")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="appearances")
    quote = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    dose = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["source__file_name", "start", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "source", "start"], name="appearance_unique_position"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="appearance_span_not_empty"),
            # The span and the quote must agree in length; the loader checks the text itself.
            models.CheckConstraint(condition=Q(end=F("start") + Length("quote")), name="appearance_span_matches_quote"),
        ]

    def __str__(self):
        return f"{self.source.file_name}[{self.start}:{self.end}]"


# An ingested article's proposed claims, which reviewers confirm (claims.proposals).
from claims.proposals import Proposal, ProposalOrigin, ProposalStatus, ProposerRun, RunState  # noqa: E402, F401
