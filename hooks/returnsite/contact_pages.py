"""The contact page, a page per return desk whose address is known, and the
vCards, in one language.

Pure functions ``(data, language) -> text``: :func:`contact_files` gives every
file the build adds for a language, :func:`footer_context` what the footer on
every page shows. The phone number is written as ``[[phone]]`` in the pages
(the contact hook turns it into the tap-to-call link, as in hand-written pages).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

from babel import Locale
from babel.lists import format_list
from babel.support import NullTranslations
from markupsafe import Markup, escape

from returnsite.desks import (
    ContactData,
    Desk,
    Newsletter,
    Orders,
    PhoneLine,
    international,
    tel_uri,
)
from returnsite.hours import HoursLine, OpeningHours, hours_lines, hours_text, status_data
from returnsite.i18n import N_, draft_messages, translations
from returnsite.languages import language
from returnsite.markdown_pages import MarkdownText, link_target, markdown_text
from returnsite.sources import citation, sources_line
from returnsite.vcard import Card, PostalAddress, vcard

CONTACT_PAGE = "contact.md"
PHONE = MarkdownText("[[phone]]")  # the free number's link, put in by the contact hook
PHONE_CARD = "contact/free-number.vcf"
ORGANISATION = "Fedasil"


@dataclass
class Texts:
    """gettext for one language that notes which messages have no translation yet."""

    code: str
    translations: NullTranslations
    missing: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)

    def __call__(self, message: str, **values: str) -> str:
        """The translation as plain text (a title, a vCard, an HTML attribute)."""
        text = self._translate(message)
        if not values:
            return text
        try:
            return text % values
        except (KeyError, ValueError, TypeError):
            # A translation with a misspelt placeholder: the English text, not a broken build.
            return message % values

    def md(self, message: str, **values: object) -> str:
        """The translation for a Markdown page: its text shown as written, the
        values escaped too, unless they are Markdown made by our code (a link)."""
        text = MarkdownText.escape(self._translate(message))
        try:
            return str(text % values)
        except (KeyError, ValueError, TypeError):
            return str(MarkdownText.escape(message) % values)

    def _translate(self, message: str) -> str:
        catalog = getattr(self.translations, "_catalog", {})
        self.used.add(message)
        if self.code != "en" and message not in catalog:
            self.missing.add(message)
        return self.translations.gettext(message)


def texts(code: str) -> Texts:
    return Texts(code, translations(code))


@dataclass(frozen=True)
class MarkdownTexts:
    """``_()`` for the lines of a Markdown page (:meth:`Texts.md`); ``plain`` for the rest."""

    plain: Texts

    def __call__(self, message: str, **values: object) -> str:
        return self.plain.md(message, **values)


# --- Files ----------------------------------------------------------------------


def contact_files(
    data: ContactData, code: str, site_url: str | None = None
) -> list[tuple[str, str]]:
    """``(path, text)`` of the contact page, the desk pages and the vCards.

    A desk whose address is not known has no page and no card (the contact page
    lists it with the free number): a card named for a desk that dials the free
    line would mislead."""
    files = [
        (CONTACT_PAGE, contact_page(data, code)),
        (PHONE_CARD, phone_vcard(data.phone, code, _page_url(site_url, code, "contact/"))),
    ]
    for slug, desk in data.desks.items():
        if not desk.has_page:
            continue
        files.append((f"desks/{slug}.md", desk_page(slug, desk, data, code)))
        url = _page_url(site_url, code, f"desks/{slug}/")
        files.append((f"desks/{slug}.vcf", desk_vcard(desk, data.phone, code, url)))
    return files


def footer_context(data: ContactData, code: str) -> dict[str, object]:
    """What the footer shows on every page: the line's hours and its open-now status."""
    hours = data.phone.opening_hours
    _ = texts(code)
    return {
        "phone_hours": hours_lines(hours, code, _) if hours else [],
        "phone_status": open_status_html(hours, code, _) if hours else "",
        "phone_card_path": PHONE_CARD,
        "contact_path": "contact/",
    }


# --- The contact page -----------------------------------------------------------


def contact_page(data: ContactData, code: str) -> str:
    plain = texts(code)
    _ = MarkdownTexts(plain)
    phone = data.phone
    desks = data.desks
    lines = [
        "# " + _("Contact and help"),
        "",
        "## " + _("Free phone line"),
        "",
        _call_button(phone),
        "",
        _("Call this number for information about voluntary return.")
        + " "
        + _("The call is free from Belgian phones."),
        "",
    ]
    if phone.opening_hours is not None:
        lines += ["**" + _("When the line answers (Brussels time):") + "**", ""]
        lines += [_hours_html(phone.opening_hours, code, plain), ""]
    lines += [
        _button(_("Save this number in your phone"), PHONE_CARD),
        "",
        "## " + _("Return desks"),
        "",
        _(
            "Fedasil has return desks in these cities. There, you get information about "
            "voluntary return and help to prepare it."
        ),
        "",
    ]
    lines += _desk_list(desks, code)
    if any(desk.address is None or desk.hours is None for desk in desks.values()):
        lines += [_ask_the_line(phone, _), ""]
    lines += _other_help(_)
    lines += _orders(data, _)
    lines += _newsletter(data, _)
    lines += [_sources(data, _)]
    return _page(plain, *_contact_meta(plain), lines)


def _desk_list(desks: dict[str, Desk], code: str) -> list[str]:
    """The desks' cities, each a link to its page once the desk has one."""
    items = []
    for slug, desk in desks.items():
        name = markdown_text(desk.name_in(code))
        items.append(f"- {_link(name, f'desks/{slug}.md')}" if desk.has_page else f"- {name}")
    return ['<div class="link-list" markdown>', "", *items, "", "</div>", ""]


def _ask_the_line(phone: PhoneLine, _: MarkdownTexts) -> str:
    """Where to learn a desk's address and hours: the free line (its hours are above)."""
    text = _(
        "To know the address and opening hours of a desk, call the free number %(phone)s.",
        phone=PHONE,
    )
    if phone.opening_hours is None:
        return text
    return text + " " + _("The line answers at the times given above.")


def _contact_meta(_: Texts) -> tuple[str, str]:
    """The contact page's title and description, as plain text."""
    return (
        _("Contact and help"),
        _("The free phone line, the return desks and other places that help you."),
    )


def _other_help(_: MarkdownTexts) -> list[str]:
    # The bold label is the page's markup; the catalogs hold text only. The
    # labels are not written inside f-strings: the extractor would not see them.
    social_worker = _("Your social worker:")
    centres = _("Reception centres:")
    services = _("Social services, NGOs and municipalities:")
    return [
        "## " + _("Other places to get help"),
        "",
        f"- **{social_worker}** " + _("you can talk with your social worker about return."),
        f"- **{centres}** "
        + _(
            "if you asked for international protection, the social workers and return "
            "counsellors of your reception centre give you information."
        ),
        f"- **{services}** "
        + _(
            "some of them can inform you about voluntary return and accompany you in your decision."
        ),
        "",
        _("Not sure where to go? Call the free number %(phone)s.", phone=PHONE),
        "",
    ]


def _orders(data: ContactData, _: MarkdownTexts) -> list[str]:
    return _channel(
        _,
        _("Brochures and posters"),
        data.orders,
        by_email=N_("To order brochures and posters, write to %(email)s."),
        by_form=N_("To order brochures and posters, use %(form)s."),
        form=N_("the contact form of the programme"),
        otherwise=N_(
            "To order brochures and posters, ask at a return desk or call the free "
            "number %(phone)s."
        ),
    )


def _newsletter(data: ContactData, _: MarkdownTexts) -> list[str]:
    return _channel(
        _,
        _("Newsletter"),
        data.newsletter,
        by_email=N_("To receive the newsletter, write to %(email)s."),
        by_form=N_("To receive the newsletter, use %(form)s."),
        form=N_("the newsletter form of the programme"),
        otherwise=N_(
            "The programme sends a newsletter about voluntary return four times a year. "
            "To receive it, ask at a return desk or call the free number %(phone)s."
        ),
    )


def _channel(
    _: MarkdownTexts,
    title: str,
    channel: Orders | Newsletter | None,
    *,
    by_email: str,
    by_form: str,
    form: str,
    otherwise: str,
) -> list[str]:
    """A section saying how to reach a channel declared in data/contact.yml
    (its e-mail, else its form), or, while none is declared, to ask at a desk
    or call the free number: never a way that does not exist."""
    if channel is not None and channel.email:
        line = _(by_email, email=_link(markdown_text(channel.email), f"mailto:{channel.email}"))
    elif channel is not None and channel.form:
        line = _(by_form, form=_link(_(form), channel.form))
    else:
        line = _(otherwise, phone=PHONE)
    return ["## " + title, "", line, ""]


def _sources(data: ContactData, _: MarkdownTexts) -> str:
    code = _.plain.code
    cited = [citation(s, code) for s in dict.fromkeys(d.source for d in data.desks.values())]
    if data.phone.hours_source:
        label = escape(_.plain(N_("hours of the phone line: %(source)s")))
        cited.append(label % {"source": citation(data.phone.hours_source, code)})
    return sources_line(_.plain("Sources:"), cited)


# --- A desk's page --------------------------------------------------------------


def desk_page(slug: str, desk: Desk, data: ContactData, code: str) -> str:
    plain = texts(code)
    _ = MarkdownTexts(plain)
    city = desk.name_in(code)
    lines = [
        "# " + _("Return desk in %(city)s", city=city),
        "",
        _("At a return desk, you get information about voluntary return and help to prepare it."),
        "",
    ]
    for section in (
        _address,
        _hours,
        _phone,
        _email,
        _languages,
        _accessibility,
        _appointment,
        _transport,
    ):
        lines += section(desk, code, _)
    if desk.hours is None:
        lines += [
            _(
                "To know when the desk is open, call the free number %(phone)s.",
                phone=PHONE,
            ),
            "",
        ]
    lines += [
        _button(_("Save this desk in your phone"), f"{slug}.vcf"),
        "",
        _link(_("All return desks and the free phone line"), f"../{CONTACT_PAGE}"),
        "",
        sources_line(plain(N_("Source:")), [citation(desk.source, code)]),
    ]
    return _page(plain, *_desk_meta(plain, city), lines)


def _desk_meta(_: Texts, city: str) -> tuple[str, str]:
    """A desk page's title and description, as plain text."""
    return (
        _("Return desk in %(city)s", city=city),
        _("Return desk in %(city)s: how to reach it.", city=city),
    )


def _address(desk: Desk, code: str, _: MarkdownTexts) -> list[str]:
    if desk.address is None and desk.geo is None:
        return []
    lines = ["## " + _("Address"), ""]
    if desk.address is not None:
        town = desk.address.town or desk.city
        street, place = desk.address.street, f"{desk.address.postcode} {town}"
        lines += [f"{markdown_text(street)}  ", markdown_text(place), ""]
    if desk.geo is not None:
        geo = f"geo:{desk.geo.latitude},{desk.geo.longitude}"
        lines += [_link(_("Open in a map app"), geo, "{ .md-button }"), ""]
    return lines


def _hours(desk: Desk, code: str, _: MarkdownTexts) -> list[str]:
    if desk.opening_hours is None:
        return []
    return ["## " + _("Opening hours"), "", _hours_html(desk.opening_hours, code, _.plain), ""]


def _phone(desk: Desk, code: str, _: MarkdownTexts) -> list[str]:
    if desk.phone is None:
        return []
    link = _link(markdown_text(desk.phone), tel_uri(desk.phone), '{ .phone-link dir="ltr" }')
    return ["## " + _("Phone"), "", link, ""]


def _email(desk: Desk, code: str, _: MarkdownTexts) -> list[str]:
    if desk.email is None:
        return []
    return ["## " + _("E-mail"), "", _link(markdown_text(desk.email), f"mailto:{desk.email}"), ""]


def _languages(desk: Desk, code: str, _: MarkdownTexts) -> list[str]:
    if not desk.languages:
        return []
    names = [language_name(lang, code) for lang in desk.languages]
    return ["## " + _("Languages spoken"), "", markdown_text(format_list(names, locale=code)), ""]


def _accessibility(desk: Desk, code: str, _: MarkdownTexts) -> list[str]:
    access = desk.accessibility
    if access is None:
        return []
    lines = ["## " + _("Access"), ""]
    if access.step_free is not None:
        lines += [
            _("A wheelchair can get in without steps.")
            if access.step_free
            else _("There are steps at the entrance."),
            "",
        ]
    if access.note:
        lines += _english_text(access.note, code)
    return lines


def _appointment(desk: Desk, code: str, _: MarkdownTexts) -> list[str]:
    if desk.appointment_needed is None:
        return []
    text = (
        _("Make an appointment before you go.")
        if desk.appointment_needed
        else _("You can go without an appointment during the opening hours.")
    )
    return ["## " + _("Appointment"), "", text, ""]


def _transport(desk: Desk, code: str, _: MarkdownTexts) -> list[str]:
    if desk.public_transport is None:
        return []
    return ["## " + _("By public transport"), "", *_english_text(desk.public_transport, code)]


def _english_text(text: str, code: str) -> list[str]:
    """A text the data gives in English only, marked as English in other languages."""
    if code == "en":
        return [markdown_text(text), ""]
    return [markdown_text(text), '{: lang="en" dir="ltr" }', ""]


def language_name(lang: str, code: str) -> str:
    """A spoken language's name in the reader's language, from CLDR."""
    name = Locale.parse(code).languages.get(lang) or Locale("en").languages[lang]
    return name[:1].upper() + name[1:]


# --- vCards ---------------------------------------------------------------------


def phone_vcard(phone: PhoneLine, code: str, url: str | None = None) -> str:
    _ = texts(code)
    note = [_("The call is free from Belgian phones.")]
    if phone.opening_hours is not None:
        note += [
            _("When the line answers (Brussels time):"),
            hours_text(phone.opening_hours, code, _),
        ]
    card = Card(
        full_name=_("Voluntary return: free phone line"),
        phones=(phone.international,),
        url=url,
        note="\n".join(note),
        language=code,
    )
    return vcard(card)


def desk_vcard(desk: Desk, phone: PhoneLine, code: str, url: str | None = None) -> str:
    _ = texts(code)
    city = desk.name_in(code)
    note = []
    if desk.opening_hours is not None:
        note += [_("Opening hours"), hours_text(desk.opening_hours, code, _)]
    address = None
    if desk.address is not None:
        address = PostalAddress(
            street=desk.address.street,
            postcode=desk.address.postcode,
            locality=desk.address.town or desk.city,
            country=Locale.parse(code).territories["BE"],
        )
    card = Card(
        full_name=f"{ORGANISATION}: " + _("Return desk in %(city)s", city=city),
        # Only the desk's own number: a card named for the desk never dials the free
        # line (the line has its own card, named for it).
        phones=(international(desk.phone),) if desk.phone else (),
        emails=(desk.email,) if desk.email else (),
        address=address,
        geo=(desk.geo.latitude, desk.geo.longitude) if desk.geo else None,
        url=url,
        note="\n".join(note) or None,
        language=code,
    )
    return vcard(card)


# --- Pieces ---------------------------------------------------------------------


def open_status_html(hours: OpeningHours, code: str, _: Texts) -> Markup:
    """An empty, hidden element that assets/contact.js fills with "open now / opens at"."""
    attributes = {
        **status_data(hours, code),
        "data-open": _("Open now, until %(time)s"),
        "data-opens-today": _("Closed now. Opens today at %(time)s"),
        "data-opens-tomorrow": _("Closed now. Opens tomorrow at %(time)s"),
        "data-opens-on": _("Closed now. Opens on %(day)s at %(time)s"),
    }
    written = " ".join(f'{name}="{html.escape(value)}"' for name, value in attributes.items())
    return Markup(f'<p class="open-status" data-open-status role="status" hidden {written}></p>')


def _hours_html(hours: OpeningHours, code: str, _: Texts) -> str:
    """The week as a list of days and times, with the element for "open now"."""
    lang = language(code)
    rows = "".join(_hours_row(line) for line in hours_lines(hours, code, _))
    status = str(open_status_html(hours, code, _))
    return f'<dl class="opening-hours" lang="{code}" dir="{lang.dir}">{rows}</dl>\n{status}'


def _hours_row(line: HoursLine) -> str:
    return f"<dt>{html.escape(line.days)}</dt><dd>{html.escape(line.times)}</dd>"


def _admonition_title(text: str) -> str:
    """A title for ``!!! kind "title"``: Markdown, quoted (the extension unquotes nothing)."""
    return '"' + text.replace('"', "&quot;") + '"'


def _link(text: str, target: str, attr_list: str = "") -> MarkdownText:
    """A link; ``text`` is Markdown already (escaped), ``target`` an address or a
    path, ``attr_list`` our own ``{ .class }`` after it."""
    return MarkdownText(f"[{text}]({link_target(target)}){attr_list}")


def _button(text: str, target: str) -> MarkdownText:
    return _link(text, target, "{ .md-button .save-contact }")


def _call_button(phone: PhoneLine) -> MarkdownText:
    number = markdown_text(phone.national)
    return _link(number, phone.tel_uri, '{ .md-button .md-button--primary .call-button dir="ltr" }')


def _page(_: Texts, title: str, description: str, lines: list[str]) -> str:
    meta = {"title": title, "description": description}
    if _.missing:
        # Some texts are still in English: say so, as for hand-written pages.
        meta["text_language"] = "en"
    elif _.used & draft_messages(_.code):
        # Some texts are draft translations: the draft notice, as for hand-written pages.
        meta["translation"] = "draft"
    front = "\n".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()
    )
    return f"---\n{front}\n---\n\n" + "\n".join(lines).rstrip() + "\n"


def _page_url(site_url: str | None, code: str, path: str) -> str | None:
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + language(code).prefix + path
