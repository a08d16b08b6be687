"""Project-wide models: user, abstract base page and site settings."""

import hashlib

from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction

from pagecache.cache import cached_until_change
from portal.blocks import OrganisationLinkBlock


class User(AbstractUser):
    """The portal's own user model, in place from the first migration so it can grow later."""

    # Editors' accounts appear on no public page: signing in leaves the page cache alone.
    shown_on_public_pages = False


def restricted_sections():
    """Tree paths of pages with view restrictions, and of alias pages, read once per change.

    Every page served checks its restrictions and every listing of public pages excludes the
    restricted sections: Wagtail asks the database for them each time, though they rarely
    exist and seldom change. Saving a restriction or an alias, or moving a page, is a content
    change (`pagecache/cache.py`), so this is never stale.
    """
    return cached_until_change(
        "restricted-sections",
        lambda: {
            "restricted": list(PageViewRestriction.objects.values_list("page__path", flat=True)),
            # Sections for people who sign in (members), rather than for holders of a password.
            "for_people_signed_in": list(
                PageViewRestriction.objects.exclude(
                    restriction_type=PageViewRestriction.PASSWORD
                ).values_list("page__path", flat=True)
            ),
            # An alias takes its source page's restrictions, which its own path does not show.
            "aliases": list(
                Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
            ),
        },
    )


class PortalPageQuerySet(PageQuerySet):
    """Pages, with `public()` reading the restricted sections from the cache."""

    def private_q(self):
        return _sections_q(restricted_sections()["restricted"])

    def readable_by(self, request):
        """The pages this reader may open: public pages, and for someone signed in also the
        restricted sections they are let into (a members' area for a member).

        For listings and search. Readers who are not signed in get `public()` as before, so
        what the page cache keeps for them is unchanged.
        """
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.public()
        return self.exclude(_sections_q(sections_closed_to(request)))


def audience(request):
    """Which readers see the same listings as this one, for keys of kept fragments: "public"
    for everyone who may open no restricted section, else the sections this reader may open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "public"
    closed = set(sections_closed_to(request))
    open_to_reader = sorted(set(restricted_sections()["restricted"]) - closed)
    if not open_to_reader:
        return "public"
    return hashlib.md5(",".join(open_to_reader).encode(), usedforsecurity=False).hexdigest()


def sections_closed_to(request):
    """Tree paths of the restricted sections `request` may not open: three queries however
    many there are (Wagtail's own check reads the reader's groups once per section), once a
    request."""
    if not hasattr(request, "_sections_closed_to_reader"):
        request._sections_closed_to_reader = _sections_closed_to(request)
    return request._sections_closed_to_reader


def _sections_closed_to(request):
    user = request.user
    group_ids = set(user.groups.values_list("pk", flat=True))
    passed_passwords = set(
        request.session.get(PageViewRestriction.passed_view_restrictions_session_key, [])
    )
    closed = []
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
        "groups"
    ):
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            continue
        if restriction.restriction_type == PageViewRestriction.GROUPS and (
            user.is_superuser or group_ids & {group.pk for group in restriction.groups.all()}
        ):
            continue
        if (
            restriction.restriction_type == PageViewRestriction.PASSWORD
            and restriction.pk in passed_passwords
        ):
            continue
        closed.append(restriction.page.path)
    return closed


def _sections_q(paths):
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)  # the page and everything below it
    # As Wagtail's own: match no page when nothing is restricted.
    return q if q else Q(pk__in=[])


class BasePage(Page):
    """Fields and behaviour every public page shares: sharing image and a meta description."""

    objects = PageManager.from_queryset(PortalPageQuerySet)()

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media or messaging apps.",
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("social_image"),
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        """The search description, or a summary the page type provides."""
        return self.search_description or self.get_summary()

    def get_summary(self):
        return ""

    def route(self, request, path_components):
        """Route as Wagtail does, in one query a step rather than two.

        Which child has the next slug, and its page type, is kept until content changes, so
        only the child itself is read, straight from its own type's table.
        """
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        digest = hashlib.md5(slug.encode(), usedforsecurity=False).hexdigest()
        child = cached_until_change(
            f"route:{self.pk}:{digest}",
            lambda: (
                self.get_children().filter(slug=slug).values_list("content_type_id", "pk").first()
            ),
        )
        model = child and ContentType.objects.get_for_id(child[0]).model_class()
        subpage = model and model._default_manager.filter(pk=child[1]).first()
        if subpage is None:  # no such child: Wagtail's own routing says so (404)
            return super().route(request, path_components)
        # As Wagtail does, so that `get_parent()` needs no query.
        subpage._cached_parent_obj = self
        return subpage.route(request, remaining)

    @property
    def is_members_only(self):
        """Whether only people who sign in may read this page: listings mark it so."""
        return any(
            self.path.startswith(path) for path in restricted_sections()["for_people_signed_in"]
        )

    def get_view_restrictions(self):
        """No query for a page outside every restricted section, as nearly all pages are."""
        sections = restricted_sections()
        if (
            self.path
            and self.alias_of_id is None
            and not any(
                self.path.startswith(path)
                for path in (*sections["restricted"], *sections["aliases"])
            )
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    # The page cache (pagecache/cache.py) asks these of every page it serves to anonymous readers.

    def cache_public_response(self, request):
        """Whether every anonymous reader gets the same response, so it may be cached.

        Pages that show a form (its CSRF token and signed timestamp are per reader) say False.
        """
        return True

    def cache_expires_at(self, request):
        """When what this page shows next changes with the clock; None if only edits change it."""
        return None


def edit_tabs(content_panels, details_panels):
    """Content, Details, Promote and Settings tabs for page types with practical details.

    Editors find the words readers see under Content, and dates, places, routing and lists
    under Details, so neither tab becomes a long scroll.
    """
    return TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(details_panels, heading="Details"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )


class ListEntry(models.Model):
    """An entry in a short list editors manage: event types, resource types, topics.

    Public listings filter by the slug, so it is made from the name once and then kept.
    """

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="Used in the web addresses of filtered listings. Made from the name if left "
        "blank; changing it breaks links people have saved.",
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)

    @classmethod
    def cached_list(cls):
        """Every entry, read once per content change: listings' filters and pages show them."""
        return cached_until_change(f"list:{cls._meta.label_lower}", lambda: list(cls.objects.all()))

    @classmethod
    def cached(cls, pk):
        """The entry with this id from `cached_list`, or None (e.g. one added a moment ago)."""
        return next((entry for entry in cls.cached_list() if entry.pk == pk), None)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Details shown on every page: who the group is and how to reach it."""

    group_name = models.CharField(
        max_length=120,
        default="Implementation Group",
        help_text="Shown in the header, page titles and emails.",
    )
    chair_name = models.CharField(
        max_length=120, blank=True, help_text="The chair's name as shown in the footer."
    )
    contact_email = models.EmailField(
        blank=True,
        help_text="Where readers write to the group. (Join requests go to the address in "
        "Settings > Join request routing.)",
    )
    footer_text = models.TextField(
        blank=True, max_length=500, help_text="A sentence or two shown at the foot of every page."
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from the footer and from forms.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from the footer.",
    )
    organisation_links = StreamField(
        [("link", OrganisationLinkBlock())],
        blank=True,
        help_text="Links to related organisations and social media, shown in the footer.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("group_name"), FieldPanel("chair_name"), FieldPanel("contact_email")],
            heading="The group",
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_text"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("organisation_links"),
            ],
            heading="Footer",
        ),
    ]

    select_related = ["privacy_page", "accessibility_page"]

    class Meta:
        verbose_name = "site settings"

    @classmethod
    def for_site(cls, site):
        """The settings with the footer's pages, read once per content change: every page shows
        them."""
        if site is None:
            return super().for_site(site)
        return cached_until_change(
            f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site)
        )


class RateLimitCount(models.Model):
    """How many times one client (or client and address) has used one limit in one window.

    Rate limits (`portal/antispam.py`) count here rather than in the shared cache, which a flood
    of anonymous GETs can fill: a count the cache evicted, or a write it refused, would let every
    post through. Every form post needs the database anyway.
    """

    # Counting a post leaves the page cache alone.
    shown_on_public_pages = False

    scope = models.CharField(max_length=50)
    # A hash of the client and, for forms, the email address given: never the address itself.
    who = models.CharField(max_length=64)
    window_ends_at = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "who", "window_ends_at"], name="one_count_per_window"
            )
        ]

    def __str__(self):
        return f"{self.scope}: {self.count} until {self.window_ends_at:%H:%M}"
