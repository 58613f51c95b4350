# WIA 2.0 scanning helper for Một Cửa Desk (Windows). Run by core/features/scanning/backends/windows.ts:
#   powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -File wia-scan.ps1 -List
#   ... -File wia-scan.ps1 -DeviceId <id> -OutDir <folder> -Dpi 300 -Mode grey -Source feeder [-Duplex]
# Prints one JSON object per line: {"device":...} for -List, {"page":"<file>"} for every page saved,
# {"error":"<code>","message":"..."} on failure. Pages are PNG files in OutDir; nothing else is written.
# NOT RUN on our build machines (no Windows): check on a counter PC before relying on it (docs/SCANNING.md).
param(
  [switch]$List,
  [string]$DeviceId,
  [string]$OutDir,
  [int]$Dpi = 300,
  [ValidateSet('colour', 'grey', 'lineart')][string]$Mode = 'grey',
  [ValidateSet('flatbed', 'feeder')][string]$Source = 'flatbed',
  [switch]$Duplex
)
$ErrorActionPreference = 'Stop'
$FormatPng = '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}'
$WIA_ERROR_PAPER_EMPTY = 0x80210003

function Emit($object) { [Console]::Out.WriteLine(($object | ConvertTo-Json -Compress)) }
function SetProp($props, [int]$id, $value) { foreach ($p in $props) { if ($p.PropertyID -eq $id) { $p.Value = $value; return } } }

try {
  $manager = New-Object -ComObject WIA.DeviceManager
  if ($List) {
    foreach ($info in $manager.DeviceInfos) {
      if ($info.Type -ne 1) { continue } # 1 = scanner
      $name = ($info.Properties | Where-Object { $_.Name -eq 'Name' }).Value
      Emit @{ device = $info.DeviceID; name = $name }
    }
    exit 0
  }
  $info = $manager.DeviceInfos | Where-Object { $_.DeviceID -eq $DeviceId } | Select-Object -First 1
  if (-not $info) { Emit @{ error = 'scanner-not-found'; message = 'No such WIA device' }; exit 2 }
  $device = $info.Connect()
  # 3088 Document Handling Select: 1 feeder, 2 flatbed, 4 duplex (with feeder).
  $handling = if ($Source -eq 'feeder') { if ($Duplex) { 5 } else { 1 } } else { 2 }
  SetProp $device.Properties 3088 $handling
  $item = $device.Items.Item(1)
  # 6146 Current Intent: 1 colour, 2 grey, 4 text (black and white); 6147/6148 resolution.
  $intent = @{ colour = 1; grey = 2; lineart = 4 }[$Mode]
  SetProp $item.Properties 6146 $intent
  SetProp $item.Properties 6147 $Dpi
  SetProp $item.Properties 6148 $Dpi
  $page = 0
  while ($true) {
    try {
      $image = $item.Transfer($FormatPng)
    } catch {
      if ($_.Exception.HResult -eq $WIA_ERROR_PAPER_EMPTY -and $page -gt 0) { break }
      if ($_.Exception.HResult -eq $WIA_ERROR_PAPER_EMPTY) { Emit @{ error = 'scanner-feeder-empty'; message = 'Feeder empty' }; exit 3 }
      throw
    }
    $page += 1
    $file = Join-Path $OutDir ('page-{0:D4}.png' -f $page)
    $image.SaveFile($file)
    Emit @{ page = $file }
    if ($Source -ne 'feeder') { break }
  }
  exit 0
} catch {
  Emit @{ error = 'scan-failed'; message = $_.Exception.Message }
  exit 1
}
