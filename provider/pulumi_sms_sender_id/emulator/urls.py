"""pinpoint-sms-voice-v2 base URL and path (the endpoint prefix is ``sms-voice``)."""

from .responses import PinpointSMSVoiceV2Response

url_bases = [
    r"https?://sms-voice\.(.+)\.amazonaws\.com",
]

url_paths = {
    "{0}/$": PinpointSMSVoiceV2Response.dispatch,
}
