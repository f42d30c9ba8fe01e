from returnsite.contact import (
    Phone,
    load_phone,
    phone_markdown,
    replace_placeholders,
    unknown_placeholders,
)


def test_free_number_from_data():
    phone = load_phone()
    assert phone.national == "0800 327 45"
    assert phone.tel_uri == "tel:+3280032745"


def test_phone_placeholder_becomes_a_left_to_right_tel_link():
    phone = Phone(national="0800 327 45", international="+32 800 32 745")
    assert replace_placeholders("Call [[phone]] now.", phone) == (
        'Call [0800 327 45](tel:+3280032745){ .phone-link dir="ltr" } now.'
    )
    assert phone_markdown(phone) in replace_placeholders("[[ phone ]]", phone)


def test_unknown_placeholder_is_reported_with_its_line():
    assert unknown_placeholders("Title\n\nCall [[phon]].\n[[phone]]") == [(3, "phon")]
