namespace JourneyPlugin.Infobip; internal static class Placeholder {}
