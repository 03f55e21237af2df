"""pinpoint-sms-voice-v2 base URL and path (the endpoint prefix is ``sms-voice``)."""

from .responses import PinpointSMSVoiceV2Response

url_bases = [
    r"https?://sms-voice\.(.+)\.amazonaws\.com",
]

# Every path reaches the response class, so that a wrong one gets AWS's JSON error, not a 404 page.
url_paths = {
    "{0}/$": PinpointSMSVoiceV2Response.dispatch,
    "{0}/.*$": PinpointSMSVoiceV2Response.dispatch,
}
