// The sequence entity types NINA 3.2 (and the Advanced API plugin) export, as the sequencer's factory
// names them in en-US. A saved sequence does not store the Name of an instruction, condition or
// trigger (only containers save theirs), so these names are what /sequence/json and the log show.

export interface CatalogueEntry {
  name: string;
  category: string;
}

const SEQUENCER = 'NINA.Sequencer';

/** Instructions (leaves) by full type name. */
export const INSTRUCTIONS: Readonly<Record<string, CatalogueEntry>> = {
  [`${SEQUENCER}.SequenceItem.Camera.CoolCamera`]: { name: 'Cool Camera', category: 'Camera' },
  [`${SEQUENCER}.SequenceItem.Camera.WarmCamera`]: { name: 'Warm Camera', category: 'Camera' },
  [`${SEQUENCER}.SequenceItem.Camera.DewHeater`]: { name: 'Dew Heater', category: 'Camera' },
  [`${SEQUENCER}.SequenceItem.Camera.SetReadoutMode`]: { name: 'Set Readout Mode', category: 'Camera' },
  [`${SEQUENCER}.SequenceItem.Imaging.TakeExposure`]: { name: 'Take Exposure', category: 'Camera' },
  [`${SEQUENCER}.SequenceItem.Imaging.TakeSubframeExposure`]: { name: 'Take Subframe Exposure', category: 'Camera' },
  [`${SEQUENCER}.SequenceItem.FilterWheel.SwitchFilter`]: { name: 'Switch Filter', category: 'Filter Wheel' },
  [`${SEQUENCER}.SequenceItem.Telescope.SlewScopeToRaDec`]: { name: 'Slew to Ra/Dec', category: 'Telescope' },
  [`${SEQUENCER}.SequenceItem.Telescope.SlewScopeToAltAz`]: { name: 'Slew to Alt/Az', category: 'Telescope' },
  [`${SEQUENCER}.SequenceItem.Telescope.ParkScope`]: { name: 'Park Scope', category: 'Telescope' },
  [`${SEQUENCER}.SequenceItem.Telescope.UnparkScope`]: { name: 'Unpark Scope', category: 'Telescope' },
  [`${SEQUENCER}.SequenceItem.Telescope.FindHome`]: { name: 'Find Home', category: 'Telescope' },
  [`${SEQUENCER}.SequenceItem.Telescope.SetTracking`]: { name: 'Set Tracking', category: 'Telescope' },
  [`${SEQUENCER}.SequenceItem.Platesolving.Center`]: { name: 'Slew and center', category: 'Telescope' },
  [`${SEQUENCER}.SequenceItem.Platesolving.CenterAndRotate`]: { name: 'Slew, center and rotate', category: 'Telescope' },
  [`${SEQUENCER}.SequenceItem.Platesolving.SolveAndSync`]: { name: 'Solve and Sync', category: 'Telescope' },
  [`${SEQUENCER}.SequenceItem.Autofocus.RunAutofocus`]: { name: 'Run Autofocus', category: 'Focuser' },
  [`${SEQUENCER}.SequenceItem.Focuser.MoveFocuserAbsolute`]: { name: 'Move Focuser', category: 'Focuser' },
  [`${SEQUENCER}.SequenceItem.Focuser.MoveFocuserRelative`]: { name: 'Move Focuser Relative', category: 'Focuser' },
  [`${SEQUENCER}.SequenceItem.Guider.StartGuiding`]: { name: 'Start Guiding', category: 'Guider' },
  [`${SEQUENCER}.SequenceItem.Guider.StopGuiding`]: { name: 'Stop Guiding', category: 'Guider' },
  [`${SEQUENCER}.SequenceItem.Guider.Dither`]: { name: 'Dither', category: 'Guider' },
  [`${SEQUENCER}.SequenceItem.Utility.WaitForTime`]: { name: 'Wait for Time', category: 'Utility' },
  [`${SEQUENCER}.SequenceItem.Utility.WaitForTimeSpan`]: { name: 'Wait for Time Span', category: 'Utility' },
  [`${SEQUENCER}.SequenceItem.Utility.WaitForAltitude`]: { name: 'Wait for Altitude', category: 'Utility' },
  [`${SEQUENCER}.SequenceItem.Utility.Annotation`]: { name: 'Annotation', category: 'Utility' },
  [`${SEQUENCER}.SequenceItem.Utility.MessageBox`]: { name: 'Message Box', category: 'Utility' },
  [`${SEQUENCER}.SequenceItem.Utility.ExternalScript`]: { name: 'External Script', category: 'Utility' },
  [`${SEQUENCER}.SequenceItem.FlatDevice.CloseCover`]: { name: 'Close Flat Panel Cover', category: 'Flat Panel' },
  [`${SEQUENCER}.SequenceItem.FlatDevice.OpenCover`]: { name: 'Open Flat Panel Cover', category: 'Flat Panel' },
  [`${SEQUENCER}.SequenceItem.FlatDevice.ToggleLight`]: { name: 'Toggle Light', category: 'Flat Panel' },
  [`${SEQUENCER}.SequenceItem.FlatDevice.SetBrightness`]: { name: 'Set Brightness', category: 'Flat Panel' },
};

/** Containers: a saved container keeps its own Name, so only the category comes from here. */
export const CONTAINERS: Readonly<Record<string, CatalogueEntry>> = {
  [`${SEQUENCER}.Container.SequenceRootContainer`]: { name: 'Sequence', category: 'Container' },
  [`${SEQUENCER}.Container.StartAreaContainer`]: { name: 'Start', category: 'Container' },
  [`${SEQUENCER}.Container.TargetAreaContainer`]: { name: 'Targets', category: 'Container' },
  [`${SEQUENCER}.Container.EndAreaContainer`]: { name: 'End', category: 'Container' },
  [`${SEQUENCER}.Container.SequentialContainer`]: { name: 'Sequential Instruction Set', category: 'Container' },
  [`${SEQUENCER}.Container.DeepSkyObjectContainer`]: { name: 'Deep Sky Object Instruction Set', category: 'Container' },
  [`${SEQUENCER}.Container.ParallelContainer`]: { name: 'Parallel Instruction Set', category: 'Container' },
  [`${SEQUENCER}.SequenceItem.Imaging.TakeManyExposures`]: { name: 'Take Many Exposures', category: 'Camera' },
  [`${SEQUENCER}.SequenceItem.Imaging.SmartExposure`]: { name: 'Smart Exposure', category: 'Camera' },
};

export const CONDITIONS: Readonly<Record<string, CatalogueEntry>> = {
  [`${SEQUENCER}.Conditions.LoopCondition`]: { name: 'Loop For Iterations', category: 'Condition' },
  [`${SEQUENCER}.Conditions.TimeCondition`]: { name: 'Loop Until Time', category: 'Condition' },
  [`${SEQUENCER}.Conditions.TimeSpanCondition`]: { name: 'Loop For Time Span', category: 'Condition' },
  [`${SEQUENCER}.Conditions.AltitudeCondition`]: { name: 'Loop Until Altitude', category: 'Condition' },
  [`${SEQUENCER}.Conditions.SafetyMonitorCondition`]: { name: 'Loop While Safe', category: 'Condition' },
};

/** The plugin's triggers use their untranslated ExportMetadata name. */
export const SEND_ERROR_TRIGGER = 'ninaAPI.SequenceItems.SendErrorTrigger';

export const TRIGGERS: Readonly<Record<string, CatalogueEntry>> = {
  [`${SEQUENCER}.Trigger.Guider.DitherAfterExposures`]: { name: 'Dither after Exposures', category: 'Guider' },
  [`${SEQUENCER}.Trigger.Autofocus.AutofocusAfterExposures`]: { name: 'AF After # Exposures', category: 'Focuser' },
  [`${SEQUENCER}.Trigger.Autofocus.AutofocusAfterTimeTrigger`]: { name: 'AF After Time', category: 'Focuser' },
  [`${SEQUENCER}.Trigger.Autofocus.AutofocusAfterHFRIncreaseTrigger`]: { name: 'AF After HFR Increase', category: 'Focuser' },
  [`${SEQUENCER}.Trigger.Autofocus.AutofocusAfterTemperatureChangeTrigger`]: { name: 'AF After Temperature Change', category: 'Focuser' },
  [`${SEQUENCER}.Trigger.MeridianFlip.MeridianFlipTrigger`]: { name: 'Meridian Flip', category: 'Telescope' },
  [`${SEQUENCER}.Trigger.Platesolving.CenterAfterDriftTrigger`]: { name: 'Center After Drift', category: 'Telescope' },
  [SEND_ERROR_TRIGGER]: { name: 'Send Error to WebSocket', category: 'Advanced API' },
};
